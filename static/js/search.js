/* Page de recherche : les facettes sont ouvertes sur grand écran et repliées sur un petit. Sans script,
   elles restent ouvertes. */
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 60em)");

  function apply(panel) {
    panel.open = wide.matches;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.querySelector("[data-search-facets]");
    if (!panel) {
      return;
    }
    apply(panel);
    wide.addEventListener("change", function () { apply(panel); });
  });
})();
