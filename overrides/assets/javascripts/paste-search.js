/*
 * Paste search in the page. The twin of scripts/kblib/pastesearch.py: same steps, same order, and
 * every rule, weight and regex read from the generated paste-index.json, so both give the same
 * ranking (tests/test_parity.py holds them to it). Nothing pasted leaves the page: the only request
 * is for the index, and results are built with textContent, never innerHTML.
 */
(function () {
  "use strict";
  var lunrLib = typeof lunr !== "undefined" ? lunr : require("lunr");  // a global in the page, a module in Node

  var UNESCAPES = { '"': '"', "'": "'", "\\": "\\", "/": "/", n: "\n", r: " ", t: " " };
  var ENTITIES = { "&quot;": '"', "&#34;": '"', "&#39;": "'", "&#x27;": "'", "&apos;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&", "&nbsp;": " " };
  var TAG = /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>/g;
  var SPACE = /[ \t\n\r\f\v]+/g;

  function escapeRegex(text) { return text.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&"); }

  function decode(text) {
    for (var i = 0; i < 3; i++) {
      var before = text;
      text = text.replace(/\\u([0-9a-fA-F]{4})/g, function (_, hex) { return String.fromCharCode(parseInt(hex, 16)); });
      text = text.replace(/\\(["'\\\/nrt])/g, function (_, ch) { return UNESCAPES[ch]; });
      if (text === before) break;
    }
    return text.replace(/&(?:quot|#34|#39|#x27|apos|lt|gt|amp|nbsp);/g, function (m) { return ENTITIES[m]; });
  }

  function clip(text, limit) {
    if (text.length <= limit) return text;
    var half = Math.floor(limit / 2);
    return text.slice(0, half) + "\n" + text.slice(text.length - half);
  }

  function PasteIndex(doc) {
    this.rules = doc.rules;
    this.entries = doc.entries;
    this.lunr = lunrLib.Index.load(doc.lunr);
    this.stop = new Set(doc.rules.stopwords);
    this.compiled = {};
    this.statusRes = doc.rules.status_regexes.map(function (rx) { return new RegExp(rx, "gi"); });
    this.variableRes = doc.rules.variable_regexes.map(function (rx) { return new RegExp(rx, "gi"); });
    this.markerRes = {};
    for (var s in doc.rules.markers) this.markerRes[s] = doc.rules.markers[s].map(function (m) { return new RegExp(m, "i"); });
    this.grpcRes = Object.keys(doc.rules.grpc_status).map(function (name) { return [new RegExp("\\b" + name + "\\b"), doc.rules.grpc_status[name]]; });
    this.typeRes = doc.rules.error_types.map(function (w) { return [w, wordRe(w)]; });
    this.codeRes = doc.rules.error_codes.map(function (w) { return [w, wordRe(w)]; });
    this.frameRe = new RegExp(doc.rules.frame_regexes.join("|"));
    this.secretRes = doc.rules.secret_regexes.map(function (rx) { return new RegExp(rx, "gi"); });
    for (var i = 0; i < this.entries.length; i++) {
      var e = this.entries[i];
      this.compiled[e.id] = e.patterns.map(function (p) { return [p.anchor, new RegExp(p.re, "i"), p.len]; });
    }
  }

  function wordRe(w) { return new RegExp("(?<![a-z0-9_])" + escapeRegex(w) + "(?![a-z0-9_])"); }

  PasteIndex.prototype.tokens = function (text) {
    var out = [], words = text.toLowerCase().split(/[^a-z0-9_]+/);
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      var parts = [word];
      if (word.indexOf("_") >= 0) parts = parts.concat(word.split("_").filter(function (p) { return p; }));
      for (var j = 0; j < parts.length; j++) {
        var part = parts[j];
        if (part.length >= 2 && !this.stop.has(part) && !/^\d+$/.test(part) && !/^\d+$/.test(part.replace(/^_+|_+$/g, ""))) out.push(part);
      }
    }
    return out;
  };

  PasteIndex.prototype.stripVariable = function (text) {
    for (var i = 0; i < this.variableRes.length; i++) text = text.replace(this.variableRes[i], " ");
    return text;
  };

  PasteIndex.prototype.analyze = function (paste) {
    var r = this.rules;
    var decoded = decode(clip(paste, r.max_chars));
    var isHtml = decoded.indexOf("</") >= 0;
    var markup = decoded;
    if (isHtml) {  // only real HTML: drop the page's CSS and scripts, then its tags
      markup = decoded.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ").replace(TAG, " ");
    }
    var flat = markup.replace(SPACE, " ").trim();
    var lower = flat.toLowerCase();
    var tagged = isHtml ? decoded.replace(SPACE, " ").trim() : flat;  // patterns may quote markup
    var statuses = [], classes = [], spelled = {}, m, i;
    function addStatus(s) { if (s >= 400 && s <= 599 && statuses.indexOf(s) < 0) statuses.push(s); }
    for (i = 0; i < this.statusRes.length; i++) {
      var rx = this.statusRes[i];
      rx.lastIndex = 0;
      while ((m = rx.exec(flat)) !== null) { addStatus(parseInt(m[1], 10)); if (m[0] === "") rx.lastIndex++; }
    }
    var nameRe = new RegExp(r.status_name_regex, "gi");
    while ((m = nameRe.exec(flat)) !== null) {
      var named = r.status_names[m[1].toLowerCase()];
      if (named && statuses.indexOf(named) < 0) statuses.push(named);
    }
    for (i = 0; i < this.grpcRes.length; i++) if (this.grpcRes[i][0].test(flat) && statuses.indexOf(this.grpcRes[i][1]) < 0) statuses.push(this.grpcRes[i][1]);
    var classRe = new RegExp(r.class_regex, "g");
    while ((m = classRe.exec(flat)) !== null) {
      var name = m[1].toLowerCase();
      if (classes.indexOf(name) < 0) { classes.push(name); spelled[name] = m[1]; }  // as pasted, for the "why"
      var st = r.class_status[name];
      if (st && statuses.indexOf(st) < 0) statuses.push(st);
    }
    statuses = statuses.filter(function (st) { return r.known_statuses.indexOf(st) >= 0; });  // unknown: tells nothing
    var surfaces = [];
    for (var s in this.markerRes) if (this.markerRes[s].some(function (re) { return re.test(decoded); })) surfaces.push(s);
    var frameRe = this.frameRe;
    var messageLines = decoded.split("\n").filter(function (line) { return !frameRe.test(line); }).join("\n");
    var query = [], toks = this.tokens(this.stripVariable(messageLines.toLowerCase()));
    for (i = 0; i < toks.length; i++) if (query.indexOf(toks[i]) < 0) query.push(toks[i]);
    return {
      flat: flat, lower: lower, spelled: spelled, tagged: tagged, taggedLower: tagged.toLowerCase(), statuses: statuses, classes: classes, surfaces: surfaces,
      types: this.typeRes.filter(function (t) { return lower.indexOf(t[0]) >= 0 && t[1].test(lower); }).map(function (t) { return t[0]; }),
      codes: this.codeRes.filter(function (t) { return lower.indexOf(t[0]) >= 0 && t[1].test(lower); }).map(function (t) { return t[0]; }),
      query: query.slice(0, r.max_query_tokens)
    };
  };

  PasteIndex.prototype.textScores = function (query) {
    if (!query.length) return {};
    var results = this.lunr.query(function (q) {
      query.forEach(function (tok) { q.term(tok, { usePipeline: false }); });
    });
    var top = 0, out = {};
    results.forEach(function (res) { if (res.score > top) top = res.score; });
    top = top || 1;
    results.forEach(function (res) { out[res.ref] = res.score / top; });
    return out;
  };

  PasteIndex.prototype.score = function (entry, ev, text) {
    var w = this.rules.weights, why = [], score = 0, rules = this.rules;
    if (entry.status !== null && ev.statuses.length) {
      if (ev.statuses.indexOf(entry.status) >= 0) { score += w.status; why.push(String(entry.status)); }
      else score += w.status_conflict;
    }
    if (entry.type && ev.types.length) {
      if (ev.types.indexOf(entry.type) >= 0) { score += w.type; why.push(entry.type); }
      else score += w.type_conflict;
    }
    if (entry.code && ev.codes.indexOf(entry.code) >= 0) { score += w.code; why.push("error code " + entry.code); }
    var best = 0, pats = this.compiled[entry.id];
    for (var i = 0; i < pats.length; i++) {
      if ((ev.lower.indexOf(pats[i][0]) >= 0 && pats[i][1].test(ev.flat)) || (ev.taggedLower.indexOf(pats[i][0]) >= 0 && pats[i][1].test(ev.tagged))) {
        best = Math.max(best, w.pattern + w.pattern_per_char * Math.min(pats[i][2], w.pattern_chars_cap));
      }
    }
    var home = entry.surfaces[0];
    if (best && home === "gateway") best *= w.wrapper_pattern_factor;  // read through a wrapper to the cause
    if (best) { score += best; why.push("message matches"); }
    else if ((entry.kind === "status" && ev.statuses.indexOf(entry.status) >= 0) ||
             (entry.kind === "error_type" && ev.types.indexOf(entry.type) >= 0 && !ev.statuses.length)) score += w.generic;
    var matched = entry.classes.filter(function (c) { return ev.classes.indexOf(c) >= 0; });
    if (matched.length) { score += w["class"]; why.push(ev.spelled[matched[0]]); }
    var shared = entry.surfaces.filter(function (s) { return ev.surfaces.indexOf(s) >= 0; });
    score += w.surface * Math.min(shared.length, w.surface_cap);
    // An entry that belongs to one provider or wrapper (its first surface) needs a sign of that one in the paste;
    // a paste with no sign of anything (words typed from memory) less so.
    if (rules.providers.indexOf(home) >= 0) {
      if (ev.surfaces.indexOf(home) >= 0) score += w.provider_home;  // came through the very tool this entry is about
      else score += w.provider_missing * (ev.surfaces.length ? 1 : w.unmarked_provider_factor);
    }
    shared.forEach(function (s) { if (rules.providers.indexOf(s) >= 0) why.push(rules.surface_titles[s]); });
    if (text > 0) { score += w.text * text; if (!why.length) why.push("words match"); }
    return [score, why];
  };

  PasteIndex.prototype.search = function (paste, top) {
    var ev = this.analyze(paste), text = this.textScores(ev.query), ranked = [];
    for (var i = 0; i < this.entries.length; i++) {
      var e = this.entries[i], res = this.score(e, ev, text[e.id] || 0);
      if (res[0] >= this.rules.min_score) ranked.push({ id: e.id, title: e.title, url: e.url, summary: e.summary, retryable: e.retryable, score: res[0], why: res[1].join(" \u00b7 ") });
    }
    ranked.sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
    return ranked.slice(0, top || 5);
  };

  /* Remove secrets before a paste goes into a URL. Group 1, when present, is the label kept. */
  PasteIndex.prototype.redact = function (text) {
    var count = 0;
    for (var i = 0; i < this.secretRes.length; i++) {
      text = text.replace(this.secretRes[i], function (m, keep) { count++; return (typeof keep === "string" ? keep : "") + "[REDACTED]"; });
    }
    return { text: text, count: count };
  };

  /* ---- the component ------------------------------------------------------------------------ */

  var loading = {};
  function loadIndex(url) {
    if (!loading[url]) {
      loading[url] = fetch(url, { credentials: "same-origin" })
        .then(function (res) { if (!res.ok) throw new Error("HTTP " + res.status); return res.json(); })
        .then(function (doc) { return new PasteIndex(doc); });
    }
    return loading[url];
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(box, matches, root, paste) {
    box.textContent = "";
    if (!paste.trim()) return;
    if (!matches.length) {
      var none = el("div", "mdx-paste__none");
      none.appendChild(el("p", null, "No entry matches this paste. Check that it holds the error itself (the status, the error type or the message), or browse:"));
      var ul = el("ul");
      [["By HTTP status", "status/"], ["By error type", "types/"], ["All errors", "errors/"]].forEach(function (hub) {
        var li = el("li"), a = el("a", null, hub[0]);
        a.href = root + hub[1];
        li.appendChild(a);
        ul.appendChild(li);
      });
      none.appendChild(ul);
      box.appendChild(none);
      return;
    }
    var list = el("ol", "mdx-paste__list");
    matches.forEach(function (m) {
      var li = el("li", "mdx-paste__result");
      var a = el("a", "mdx-paste__title", m.title);
      a.href = root + m.url;
      li.appendChild(a);
      li.appendChild(el("span", "mdx-paste__why", m.why));
      li.appendChild(el("span", "mdx-paste__retry" + (m.retryable ? " mdx-paste__retry--yes" : ""), m.retryable ? "retryable" : "not retryable"));
      li.appendChild(el("p", "mdx-paste__summary", m.summary));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  /* Material's own search also reads ?q= and opens its overlay with it. On a paste link that overlay would
     cover the results, so it is closed again when it opens by itself with the very same text. */
  function keepMaterialSearchClosed(q) {
    var toggle = document.querySelector("input[data-md-toggle=search]");
    if (!toggle) return;
    function closeIfOpenedWithPaste() {
      var box = document.querySelector(".md-search__input");
      if (toggle.checked && box && box.value === q) {
        box.value = "";
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
      }
    }
    // Material opens it on load or once its index is ready: check then, a few times, and on every toggle.
    toggle.addEventListener("change", closeIfOpenedWithPaste);
    [0, 200, 600, 1500, 3000].forEach(function (ms) { setTimeout(closeIfOpenedWithPaste, ms); });
  }

  function mount(node) {
    if (node.getAttribute("data-mdx-ready")) return;
    node.setAttribute("data-mdx-ready", "1");
    var indexUrl = new URL(node.getAttribute("data-mdx-index"), location.href).href;
    var root = indexUrl.replace(/assets\/generated\/paste-index\.json$/, "");
    var input = node.querySelector(".mdx-paste__input");
    var box = node.querySelector(".mdx-paste__results");
    var copy = node.querySelector(".mdx-paste__copy");
    var notice = node.querySelector(".mdx-paste__notice");
    var queryParam = node.getAttribute("data-mdx-url-query");
    var timer = null;
    function run() {
      loadIndex(indexUrl).then(function (index) {
        var t0 = performance.now();
        var matches = index.search(input.value, 5);
        node.setAttribute("data-mdx-ms", String(performance.now() - t0));
        render(box, matches, root, input.value);
        node.setAttribute("data-mdx-state", input.value.trim() ? (matches.length ? "results" : "none") : "empty");
      }).catch(function (err) {
        box.textContent = "The search index could not be loaded (" + err.message + "). Browse by status or type instead.";
      });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    if (queryParam) {
      var q = sharedPaste(queryParam);
      if (q) { input.value = q; run(); keepMaterialSearchClosed(q); }
    }
    if (copy) copy.addEventListener("click", function () {
      loadIndex(indexUrl).then(function (index) {
        var red = index.redact(input.value);
        var url = location.origin + location.pathname + "#" + queryParam + "=" + encodeURIComponent(wellFormed(red.text));
        history.replaceState(null, "", url);
        node.setAttribute("data-mdx-link", url);
        var said = red.count ? "Link copied. " + red.count + " secret(s) (API keys, tokens) were removed from it." : "Link copied. No API key or token was found in the paste; check it holds nothing private before sharing.";
        var done = function () { notice.textContent = said; };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, function () { notice.textContent = "Copy this link: " + url; });
        else notice.textContent = "Copy this link: " + url;
      });
    });
  }

  /* A shared paste travels in the fragment (#q=...), which browsers never send to the server, so it stays out of
     access logs; Material's search doesn't read it either. Older ?q= links still work: the paste is read, then the
     address is rewritten to the #q= form. Broken percent-encoding reads as U+FFFD, never as an exception. */
  function sharedPaste(param) {
    var fromHash = new URLSearchParams(location.hash.replace(/^#/, "")).get(param);
    if (fromHash) return fromHash;
    var search = new URLSearchParams(location.search);
    var fromQuery = search.get(param);
    if (!fromQuery) return null;
    search.delete(param);
    var rest = search.toString();
    history.replaceState(null, "", location.pathname + (rest ? "?" + rest : "") + "#" + param + "=" + encodeURIComponent(wellFormed(fromQuery)));
    return fromQuery;
  }

  /* encodeURIComponent throws on a lone surrogate (half of an emoji, say); replace those with U+FFFD first. */
  function wellFormed(text) {
    if (typeof text.toWellFormed === "function") return text.toWellFormed();
    return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, function (m, before) { return (before || "") + "\uFFFD"; });
  }

  function mountAll() { document.querySelectorAll("[data-mdx-component=paste-search]").forEach(mount); }

  if (typeof module !== "undefined" && module.exports) { module.exports = { PasteIndex: PasteIndex, decode: decode }; return; }
  window.mdxPasteSearch = { PasteIndex: PasteIndex, decode: decode };
  if (typeof document$ !== "undefined") document$.subscribe(mountAll);  // Material's instant navigation
  else if (document.readyState !== "loading") mountAll();
  else document.addEventListener("DOMContentLoaded", mountAll);
})();
