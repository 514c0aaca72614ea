/* On pages that answer a pasted error (home, paste): Material's own search index (megabytes at scale) must not
   compete for the network with the paste search's first answer. Material asks for it with XMLHttpRequest at start;
   this holds that one request until the paste component has shown its first answer (it calls
   window.mdxReleaseSearchIndex), or until the reader reaches for Material's search. Loaded in <head>, before
   Material's bundle. */
(function () {
  "use strict";
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
