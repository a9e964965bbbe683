/*
 * "Print deze brief" button on the parent letter (buddysite default theme).
 * Without JavaScript the page shows a short instruction instead.
 */
(function () {
  "use strict";
  var button = document.getElementById("print-button");
  var hint = document.getElementById("print-hint");
  if (!button || typeof window.print !== "function") {
    return;
  }
  button.addEventListener("click", function () {
    window.print();
  });
  button.hidden = false;
  if (hint) {
    hint.hidden = true;
  }
})();
