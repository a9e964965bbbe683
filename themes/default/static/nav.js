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
  // Only the row scrolls, sideways: scrollIntoView would also scroll the page, and fight
  // the browser's own scrolling to the focused element.
  var room = 40;
  list.addEventListener("focusin", function (event) {
    var link = event.target;
    if (!link || !link.getBoundingClientRect || list.scrollWidth <= list.clientWidth) {
      return;
    }
    var row = list.getBoundingClientRect();
    var item = link.getBoundingClientRect();
    if (item.left < row.left + room) {
      list.scrollLeft -= row.left + room - item.left;
    } else if (item.right > row.right - room) {
      list.scrollLeft += item.right - (row.right - room);
    }
  });
})();
