/* Accessibility fixes for Material's own markup, re-applied after every instant navigation: a name for the
   search dialog and the page-loading progress bar, and keyboard access to tables wider than the page. */
(function () {
  "use strict";
  function label() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search the site");
    var progress = document.querySelector(".md-progress");
    if (progress && !progress.hasAttribute("aria-label")) progress.setAttribute("aria-label", "Loading page");
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (!wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table, scrolls sideways");
      }
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(label);
  else document.addEventListener("DOMContentLoaded", label);
})();
