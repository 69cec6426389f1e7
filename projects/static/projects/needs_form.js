/* Live character counters of the needs form: "1234 / 5000 caractères" under each field that has a
   data-max-length. Nothing is cut: a text over the limit is flagged here and refused by the server,
   which gives it back in the form. */
(function () {
  "use strict";

  // What the server keeps of a text (projects.needs_text.clean_text) and counts: line breaks as one character
  // (a browser sends them as "\r\n"), no control or format characters, no surrounding spaces, and characters
  // rather than UTF-16 units (an emoji is one).
  var DROPPED = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu;

  function countedLength(value) {
    var text = value.replace(/\r\n?/g, "\n").replace(DROPPED, function (char) {
      return char === "\n" || char === "\t" ? char : "";
    });
    return Array.from(text.trim()).length;
  }
  window.portalCountedLength = countedLength;

  function format(number) {
    return number.toLocaleString("fr-FR");
  }

  function attach(field) {
    var limit = parseInt(field.getAttribute("data-max-length"), 10);
    if (!limit) {
      return;
    }
    var counter = document.createElement("p");
    counter.className = "char-counter";
    counter.id = field.id + "_compteur";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", described ? described + " " + counter.id : counter.id);

    var timer = null;
    function update() {
      var length = countedLength(field.value);
      var over = length - limit;
      var text = format(length) + " / " + format(limit) + " caractères";
      if (over > 0) {
        text += " : " + format(over) + (over > 1 ? " caractères de trop" : " caractère de trop");
      }
      counter.textContent = text;
      counter.classList.toggle("char-counter--over", over > 0);
    }
    update();
    field.addEventListener("input", function () {
      // Screen readers hear the count once typing pauses, not at every key.
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 400);
    });
    field.addEventListener("blur", update);
  }

  function init() {
    var fields = document.querySelectorAll("[data-max-length]");
    for (var i = 0; i < fields.length; i += 1) {
      attach(fields[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
