/*
 * Filter on the buddies page (buddysite default theme).
 *
 * Progressive enhancement: the page works without this script. The filter
 * (a fieldset of radio buttons in a <details>) is `hidden` in the HTML and every
 * buddy card is shown. This script shows the filter (folded on small screens), hides the cards that do not match
 * the chosen theme and updates the status line (role="status", aria-live),
 * so screen readers hear how many buddies are shown.
 * No dependencies, no network, no storage.
 */
(function () {
  "use strict";

  var filter = document.getElementById("buddy-filter");
  var box = document.getElementById("buddy-filter-box");
  var count = document.getElementById("buddy-filter-count");
  var list = document.getElementById("buddy-list");
  var status = document.getElementById("buddy-status");
  if (!filter || !box || !list || !status || !filter.querySelector) {
    return;
  }

  var cards = list.querySelectorAll("[data-themes]");
  var radios = filter.querySelectorAll('input[type="radio"]');

  function message(key, count, label) {
    var text;
    if (!key) {
      text = count === 1 ? filter.getAttribute("data-count-one")
                         : filter.getAttribute("data-count-many");
    } else if (count === 0) {
      text = filter.getAttribute("data-result-none");
    } else {
      text = count === 1 ? filter.getAttribute("data-result-one")
                         : filter.getAttribute("data-result-many");
    }
    return (text || "").split("{n}").join(String(count)).split("{theme}").join(label || "");
  }

  function hasTheme(card, key) {
    var themes = " " + (card.getAttribute("data-themes") || "") + " ";
    return themes.indexOf(" " + key + " ") !== -1;
  }

  function update() {
    var key = "";
    var label = "";
    for (var i = 0; i < radios.length; i++) {
      if (radios[i].checked) {
        key = radios[i].value;
        label = radios[i].getAttribute("data-label") || "";
      }
    }
    var shown = 0;
    for (var j = 0; j < cards.length; j++) {
      var show = !key || hasTheme(cards[j], key);
      cards[j].hidden = !show;
      if (show) {
        shown++;
      }
    }
    var text = message(key, shown, label);
    if (status.textContent !== text) {
      status.textContent = text;
    }
    if (count) {
      // How many filters are on, for the folded filter: one (a theme) or none ("all").
      count.textContent = key ? (count.getAttribute("data-active") || "").split("{n}").join("1") : "";
    }
  }

  filter.addEventListener("change", update);
  // Open on wide screens; folded on phones, where the options would push the cards down.
  box.open = !!(window.matchMedia && window.matchMedia("(min-width: 40em)").matches);
  box.hidden = false;
  // The browser may restore a checked radio button when the visitor comes back
  // to this page; apply it straight away.
  update();
})();
