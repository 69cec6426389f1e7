/* Comportements légers de l'intranet : menu mobile, menu utilisateur, résumé d'erreurs. Sans dépendance. */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  function setupMenuToggle() {
    var toggle = document.querySelector("[data-menu-toggle]");
    if (!toggle) {
      return;
    }
    var targets = (toggle.getAttribute("aria-controls") || "")
      .split(" ")
      .map(function (id) { return document.getElementById(id); })
      .filter(Boolean);
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      targets.forEach(function (target) { target.classList.toggle("is-open", open); });
    });
  }

  function setupUserMenu() {
    var menu = document.querySelector("[data-user-menu]");
    if (!menu) {
      return;
    }
    // Close on Escape or a click elsewhere, like any menu.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) {
        menu.open = false;
      }
    });
  }

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupMenuToggle();
    setupUserMenu();
    focusErrorSummary();
  });
})();
