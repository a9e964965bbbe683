/*
 * Main menu on a small screen (buddysite default theme).
 *
 * There the menu is one row that scrolls sideways (CSS only; it works without
 * this script). Browsers scroll a focused link into that row only when it is
 * wholly out of sight; this script also brings a half-hidden one fully into
 * view, so keyboard users always see where they are.
 * No dependencies, no network, no storage.
 */
(function () {
  "use strict";
  var list = document.querySelector(".site-nav__list");
  if (!list || !list.addEventListener) {
    return;
  }
  list.addEventListener("focusin", function (event) {
    var link = event.target;
    if (link && link.scrollIntoView && list.scrollWidth > list.clientWidth) {
      link.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  });
})();
