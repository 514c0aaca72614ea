/* On pages that answer a pasted error (home, paste), loaded in <head> before Material's bundle:
   1. An old share link's ?q=<paste> moves to the fragment (#q=) at once, before anything else reads it: the paste
      leaves the address that gets logged, and Material's search, which also reads ?q=, doesn't open over it.
   2. Material's own search index (megabytes at scale) must not compete for the network with the paste search's
      first answer. Material asks for it with XMLHttpRequest at start; this holds that one request until the paste
      component has shown its first answer (it calls window.mdxReleaseSearchIndex), or until the reader reaches
      for Material's search. */
(function () {
  "use strict";
  var search = new URLSearchParams(location.search);
  var q = search.get("q");
  if (q !== null && !new URLSearchParams(location.hash.replace(/^#/, "")).has("q")) {
    search.delete("q");
    var fragment = new URLSearchParams();
    fragment.set("q", typeof q.toWellFormed === "function" ? q.toWellFormed() : q);
    var rest = search.toString();
    history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + "#" + fragment.toString());
  }

  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var released = false, waiting = [];
  XMLHttpRequest.prototype.open = function (method, url) {
    this.mdxUrl = String(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!released && /\/search\/search_index\.json(?:$|\?)/.test(this.mdxUrl || "")) {
      var xhr = this, args = arguments;
      waiting.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };
  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  window.mdxReleaseSearchIndex = release;
  function reachesForSearch(event) {
    var target = event.target;
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  document.addEventListener("focusin", function (e) { if (reachesForSearch(e)) release(); }, true);
  document.addEventListener("pointerdown", function (e) { if (reachesForSearch(e)) release(); }, true);
  document.addEventListener("keydown", function (e) { if (e.key === "/" || e.key === "s" || e.key === "f") release(); }, true);  // Material's search keys
})();
