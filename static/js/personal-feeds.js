/* Adresses d'abonnement : bouton « Copier » et sélection au clic. Sans JavaScript, le texte reste sélectionnable. */
(function () {
  "use strict";

  if (window.portalPersonalFeeds) {
    return; // the block may appear twice on a page: one setup is enough
  }
  window.portalPersonalFeeds = true;

  function copy(input, button) {
    var label = button.textContent;
    function done() {
      button.textContent = "Copié";
      window.setTimeout(function () { button.textContent = label; }, 2000);
    }
    input.focus();
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  }

  function setup() {
    document.querySelectorAll("[data-subscribe-url]").forEach(function (input) {
      input.addEventListener("focus", function () { input.select(); });
      var item = input.closest("li");
      var wrapper = item && item.querySelector("[data-subscribe-copy]");
      var button = wrapper && wrapper.querySelector("button");
      if (!button) {
        return;
      }
      wrapper.hidden = false;
      button.addEventListener("click", function () { copy(input, button); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
