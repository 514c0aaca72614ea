/* Moved-entry pages: go to the canonical entry, keeping the query and the #fragment (a meta refresh drops them).
   An external file, not an inline script, so the site's Content-Security-Policy needs no hash for it. */
(function () {
  "use strict";
  var canonical = document.querySelector("link[rel=canonical]");
  if (canonical) location.replace(canonical.href.split("#")[0] + location.search + location.hash);
})();
