/* Page de recherche : le premier clic sur un résultat (ou une recommandation) ou sur « Vouliez-vous dire … ? »
   est signalé une fois au portail (/recherche/clic/), avec le jeton que la page a reçu pour sa recherche.
   Le portail n'en tire que des totaux par recherche, jamais qui a cliqué ni sur quoi. Sans script, rien
   n'est compté et les liens fonctionnent de même. */
(function () {
  "use strict";

  function setup() {
    var page = document.querySelector("[data-search-clicks]");
    if (!page) {
      return;
    }
    var sent = false;

    function report(event) {
      // Clic principal, ou clic du milieu (ouverture dans un nouvel onglet).
      if (sent || (event.type === "auxclick" && event.button !== 1)) {
        return;
      }
      var link = event.target.closest ? event.target.closest("a[data-search-click]") : null;
      if (!link || !page.contains(link)) {
        return;
      }
      sent = true;
      var url = page.getAttribute("data-search-clicks");
      var data = new URLSearchParams();
      data.append("csrfmiddlewaretoken", page.getAttribute("data-csrf-token") || "");
      data.append("jeton", page.getAttribute("data-search-click-token") || "");
      data.append("clic", link.getAttribute("data-search-click") || "");
      try {
        if (navigator.sendBeacon && navigator.sendBeacon(url, data)) {
          return;
        }
      } catch (error) {
        // Envoi refusé par le navigateur : on essaie autrement.
      }
      if (window.fetch) {
        window.fetch(url, { method: "POST", body: data, credentials: "same-origin", keepalive: true })
          .catch(function () {});
      }
    }

    page.addEventListener("click", report);
    page.addEventListener("auxclick", report);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
