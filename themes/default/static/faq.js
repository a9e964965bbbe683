/*
 * Folding FAQ (buddysite default theme).
 *
 * Every answer is a <details>, so the page works without this script: each
 * question opens with a click or Enter. This script
 *   - opens the question named in the address (#id), on load and on hashchange,
 *     so a link to one question shows its answer;
 *   - shows an "open all / close all" button;
 *   - opens every answer before printing and restores them afterwards.
 * No dependencies, no network, no storage.
 */
(function () {
  "use strict";

  var list = document.getElementById("faq-list");
  if (!list || !list.querySelectorAll) {
    return;
  }
  var items = list.querySelectorAll("details");
  var tools = document.getElementById("faq-tools");
  var toggle = document.getElementById("faq-toggle-all");

  function openFromHash() {
    var id = decodeURIComponent((window.location.hash || "").slice(1));
    if (!id) {
      return;
    }
    var target = document.getElementById(id);
    var item = target && target.closest ? target.closest("details") : null;
    if (item && !item.open) {
      item.open = true;
      target.scrollIntoView();
    }
  }

  function allOpen() {
    for (var i = 0; i < items.length; i++) {
      if (!items[i].open) {
        return false;
      }
    }
    return true;
  }

  function label() {
    if (toggle) {
      var open = allOpen();
      toggle.textContent = toggle.getAttribute(open ? "data-close" : "data-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
  }

  function setAll(open) {
    for (var i = 0; i < items.length; i++) {
      items[i].open = open;
    }
    label();
  }

  if (toggle && tools) {
    toggle.addEventListener("click", function () {
      setAll(!allOpen());
    });
    list.addEventListener("toggle", label, true);
    tools.hidden = false;
    label();
  }

  var before = null;
  window.addEventListener("beforeprint", function () {
    before = [];
    for (var i = 0; i < items.length; i++) {
      before.push(items[i].open);
      items[i].open = true;
    }
  });
  window.addEventListener("afterprint", function () {
    if (!before) {
      return;
    }
    for (var i = 0; i < items.length; i++) {
      items[i].open = before[i];
    }
    before = null;
    label();
  });

  window.addEventListener("hashchange", openFromHash);
  openFromHash();
})();
