/*
 * Paste search in the page. The twin of scripts/kblib/pastesearch.py: same steps, same order, and
 * every rule, weight and regex read from the generated index folder (assets/generated/paste/), so both
 * give the same ranking (tests/test_parity.py holds them to it). The page fetches core.json, then only
 * the shards of the paste's candidates, answers, and refines the answer with the full-text index
 * (text-NNNN.json: lunr's weights by term, only the shards holding the paste's words), fetched alongside.
 * Nothing pasted leaves the page: the only requests are for those files, and results are built with
 * textContent, never innerHTML.
 */
(function () {
  "use strict";
  var inNode = typeof module !== "undefined" && module.exports;

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

  function PasteIndex(core) {
    var r = core.rules;
    this.rules = r;
    this.router = core.router;
    this.shards = core.shards;
    this.shardOf = core.shard_of;
    this.gram = core.gram;
    this.textCandidates = core.text_candidates;
    this.report = core.report || { new_issue: "", template: "", data_version: "" };
    this.entries = {};
    this.compiled = {};
    this.loadedShards = {};
    this.textBounds = core.text_bounds;
    this.loadedText = {};
    this.terms = Object.create(null);  // term -> postings, from the word shards loaded so far ("__proto__" is a term like any other)
    this.codeSet = new Set(Object.keys(core.router.codes));
    this.stop = new Set(r.stopwords);
    this.statusRes = r.status_regexes.map(function (rx) { return new RegExp(rx, "gi"); });
    this.variableRes = r.variable_regexes.map(function (rx) { return new RegExp(rx, "gi"); });
    this.markerRes = compileAll(r.markers);
    this.identifierRes = compileAll(r.identifiers);
    var others = {};
    for (var p in r.other_providers) others[p] = r.other_providers[p].markers;
    this.otherRes = compileAll(others);
    this.grpcRes = Object.keys(r.grpc_status).map(function (name) { return [new RegExp("\\b" + name + "\\b"), r.grpc_status[name]]; });
    this.frameRe = new RegExp(r.frame_regexes.join("|"));
    this.secretRes = r.secret_regexes.map(function (rx) { return new RegExp(rx, "gi"); });
  }

  /* The whole folder at once (Node, tests, benchmarks): {"core.json": ..., "shard-000.json": ..., "text-0000.json": ...}. */
  PasteIndex.fromFiles = function (files) {
    var index = new PasteIndex(files["core.json"]);
    for (var k = 0; k < index.shards; k++) index.addShard(k, files[shardName(k)]);
    for (k = 0; k < index.textBounds.length; k++) index.addText(k, files[textName(k)]);
    return index;
  };

  /* Every file of the folder besides core.json, by the names fromFiles reads. */
  PasteIndex.fileNames = function (core) {
    var names = [], k;
    for (k = 0; k < core.shards; k++) names.push(shardName(k));
    for (k = 0; k < core.text_bounds.length; k++) names.push(textName(k));
    return names;
  };

  function shardName(k) { return "shard-" + String(k).padStart(3, "0") + ".json"; }
  function textName(k) { return "text-" + String(k).padStart(4, "0") + ".json"; }

  PasteIndex.prototype.addShard = function (k, doc) {
    var self = this;
    doc.entries.forEach(function (e) {
      self.entries[e.n] = e;
      self.compiled[e.n] = e.patterns.map(function (p) { return [p.anchor, new RegExp(p.re, "i"), p.len]; });
    });
    this.loadedShards[k] = true;
  };

  PasteIndex.prototype.addText = function (k, doc) {
    if (this.loadedText[k]) return;
    for (var t in doc.terms) if (Object.prototype.hasOwnProperty.call(doc.terms, t)) this.terms[t] = doc.terms[t];
    this.loadedText[k] = true;
  };

  /* The word shard that holds a term, if any: the last shard whose first term is not after it (the generator
     orders terms by UTF-16 code units, as < does here). */
  PasteIndex.prototype.textShardOf = function (term) {
    var b = this.textBounds, lo = 0, hi = b.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (b[mid] <= term) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };

  /* Word shards not loaded yet that hold any of these terms. */
  PasteIndex.prototype.missingText = function (query) {
    var out = [], self = this;
    query.forEach(function (t) { var k = self.textShardOf(t); if (k >= 0 && !self.loadedText[k] && out.indexOf(k) < 0) out.push(k); });
    return out;
  };

  /* Shards not loaded yet that hold any of these entries. */
  PasteIndex.prototype.missingShards = function (numbers) {
    var out = [], shardOf = this.shardOf, loaded = this.loadedShards;
    numbers.forEach(function (n) { var k = shardOf[n]; if (!loaded[k] && out.indexOf(k) < 0) out.push(k); });
    return out;
  };

  function compileAll(lists) {
    var out = {};
    for (var key in lists) out[key] = lists[key].map(function (m) { return new RegExp(m, "i"); });
    return out;
  }

  function matching(regexesByKey, text) {
    var out = [];
    for (var key in regexesByKey) if (regexesByKey[key].some(function (re) { return re.test(text); })) out.push(key);
    return out;
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
    var surfaces = matching(this.markerRes, decoded);
    var identified = matching(this.identifierRes, decoded);
    var words = new Set(lower.match(/[a-z0-9_]+/g) || []), codeSet = this.codeSet;  // types and codes are whole words
    var frameRe = this.frameRe;
    var messageLines = decoded.split("\n").filter(function (line) { return !frameRe.test(line); }).join("\n");
    var query = [], toks = this.tokens(this.stripVariable(messageLines.toLowerCase()));
    for (i = 0; i < toks.length; i++) if (query.indexOf(toks[i]) < 0) query.push(toks[i]);
    return {
      flat: flat, lower: lower, spelled: spelled, tagged: tagged, taggedLower: tagged.toLowerCase(), statuses: statuses, classes: classes, surfaces: surfaces,
      types: r.error_types.filter(function (t) { return words.has(t); }),
      codes: Array.from(words).filter(function (w) { return codeSet.has(w); }).sort(),
      query: query.slice(0, r.max_query_tokens),
      // Whose error this is: a sign of Claude itself, of a product (Bedrock...), or of another AI provider.
      identified: identified, claude: identified.some(function (s) { return r.claude_surfaces.indexOf(s) >= 0; }),
      otherProviders: matching(this.otherRes, decoded), errorCodeField: lower.indexOf("error_code") >= 0
    };
  };

  /* The entries the paste's own evidence points at (see PasteIndex.candidates in pastesearch.py). */
  PasteIndex.prototype.candidates = function (ev) {
    var r = this.router, found = new Set(), g = this.gram;
    var texts = ev.lower === ev.taggedLower ? [ev.lower] : [ev.lower, ev.taggedLower];
    function add(list) { if (list) for (var i = 0; i < list.length; i++) found.add(list[i]); }
    texts.forEach(function (text) {
      for (var i = 0; i + g <= text.length; i++) {
        var hit = r.grams[text.substr(i, g)];
        if (hit) add(hit);
      }
    });
    for (var key in r.short) if (texts.some(function (t) { return t.indexOf(key) >= 0; })) add(r.short[key]);
    ev.codes.forEach(function (c) { add(r.codes[c]); });
    ev.classes.forEach(function (c) { add(r.classes[c]); });
    ev.statuses.forEach(function (st) { add(r.statuses[String(st)]); });
    ev.types.forEach(function (t) { add(r.types[t]); });
    return Array.from(found);
  };

  /* Entry number -> score of the words (the sum of their lunr weights), relative to the best (1.0). */
  PasteIndex.prototype.textScores = function (query) {
    var totals = {}, top = 0, terms = this.terms, n;
    for (var q = 0; q < query.length; q++) {
      var postings = Object.prototype.hasOwnProperty.call(terms, query[q]) ? terms[query[q]] : [];
      for (var i = 0; i < postings.length; i += 2) totals[postings[i]] = (totals[postings[i]] || 0) + postings[i + 1];
    }
    for (n in totals) if (totals[n] > top) top = totals[n];
    top = top || 1;
    for (n in totals) totals[n] = totals[n] / top;
    return totals;
  };

  /* The entries only words point at that join the candidates: the best few. */
  PasteIndex.prototype.wordCandidates = function (text) {
    return Object.keys(text).map(Number).sort(function (a, b) { return text[b] - text[a] || a - b; }).slice(0, this.textCandidates);
  };

  /* The entry's score for this paste, why (for people), and which kinds of evidence matched (for the tier). */
  PasteIndex.prototype.score = function (entry, ev, text) {
    var w = this.rules.weights, why = [], score = 0, rules = this.rules;
    var found = { status: false, type: false, code: false, pattern: 0, "class": false };
    if (entry.status !== null && ev.statuses.length) {
      if (ev.statuses.indexOf(entry.status) >= 0) { score += w.status; why.push(String(entry.status)); found.status = true; }
      else score += w.status_conflict;
    }
    if (entry.type && ev.types.length) {
      if (ev.types.indexOf(entry.type) >= 0) { score += w.type; why.push(entry.type); found.type = true; }
      else score += w.type_conflict;
    }
    if (entry.code && ev.codes.indexOf(entry.code) >= 0) { score += w.code; why.push("error code " + entry.code); found.code = true; }
    var best = 0, pats = this.compiled[entry.n];
    for (var i = 0; i < pats.length; i++) {
      if ((ev.lower.indexOf(pats[i][0]) >= 0 && pats[i][1].test(ev.flat)) || (ev.taggedLower.indexOf(pats[i][0]) >= 0 && pats[i][1].test(ev.tagged))) {
        best = Math.max(best, w.pattern + w.pattern_per_char * Math.min(pats[i][2], w.pattern_chars_cap));
        found.pattern = Math.max(found.pattern, pats[i][2]);
      }
    }
    var home = entry.surfaces[0];
    if (best && home === "gateway") best *= w.wrapper_pattern_factor;  // read through a wrapper to the cause
    if (best) { score += best; why.push("message matches"); }
    else if ((entry.kind === "status" && ev.statuses.indexOf(entry.status) >= 0) ||
             (entry.kind === "error_type" && ev.types.indexOf(entry.type) >= 0 && !ev.statuses.length)) score += w.generic;
    var matched = entry.classes.filter(function (c) { return ev.classes.indexOf(c) >= 0; });
    if (matched.length) { score += w["class"]; why.push(ev.spelled[matched[0]]); found["class"] = true; }
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
    return [score, why, found];
  };

  /* How sure the answer is, from the kind of evidence that matched (see PasteIndex.confidence in pastesearch.py). */
  PasteIndex.prototype.confidence = function (entry, found, ev) {
    var context = ev.claude || ev.identified.indexOf(entry.surfaces[0]) >= 0;
    if (found.code && (context || ev.errorCodeField)) return "exact";
    var longEnough = found.pattern >= this.rules.min_exact_pattern_chars && !entry.shared;
    var telling = found.pattern >= this.rules.min_bare_pattern_chars || found.status || found.type;
    if (found.pattern && ((context && telling) || longEnough)) return "exact";
    var general = (entry.kind === "status" || entry.kind === "error_type") && (found.status || found.type);
    if (context && (general || found["class"])) return "likely";
    return "related";
  };

  PasteIndex.prototype.ranked = function (ev, numbers, text) {
    var ranked = [];
    for (var i = 0; i < numbers.length; i++) {
      var e = this.entries[numbers[i]], res = this.score(e, ev, text[e.n] || 0);
      if (res[0] >= this.rules.min_score) {
        ranked.push({ id: e.id, title: e.title, url: e.url, summary: e.summary, retryable: e.retryable, score: res[0],
                      why: res[1].join(" \u00b7 "), confidence: this.confidence(e, res[2], ev) });
      }
    }
    ranked.sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
    return ranked;
  };

  PasteIndex.prototype.search = function (paste, top) { return this.explain(paste, top).matches; };

  /* The answer: a verdict (match, none, other-provider), what was read, the entries, and the general entries.
     words=false gives the first answer, before the full-text index is used. The candidates' shards (and, with
     words, the word shards of its terms and the shards of the word candidates) must be loaded: see answer() below. */
  PasteIndex.prototype.explain = function (paste, top, words) {
    var ev = this.analyze(paste), rules = this.rules, self = this;
    var read = { status: ev.statuses, error_type: ev.types, error_code: ev.codes,
                 classes: ev.classes.map(function (c) { return ev.spelled[c]; }), surfaces: ev.surfaces };
    if (ev.otherProviders.length && !ev.claude) {
      var id = ev.otherProviders[0];
      return { verdict: "other-provider", provider: { id: id, title: rules.other_providers[id].title }, read: read, matches: [], general: [] };
    }
    var text = words === false ? {} : this.textScores(ev.query);
    var numbers = new Set(this.candidates(ev).concat(this.wordCandidates(text)));
    var matches = this.ranked(ev, Array.from(numbers), text).slice(0, top || 5);
    var verdict = matches.length && matches[0].confidence !== "related" ? "match" : "none";
    var general = [];
    if (verdict !== "match") {
      var ns = [];
      ev.statuses.forEach(function (st) { (self.router.statuses[String(st)] || []).forEach(function (n) { if (ns.indexOf(n) < 0) ns.push(n); }); });
      ev.types.forEach(function (t) { (self.router.types[t] || []).forEach(function (n) { if (ns.indexOf(n) < 0) ns.push(n); }); });
      general = ns.sort(function (a, b) { return a - b; }).map(function (n) { var e = self.entries[n]; return { id: e.id, title: e.title, url: e.url }; });
    }
    return { verdict: verdict, read: read, matches: matches, general: general };
  };

  /* Whether the first answer's best entry can no longer change when words are added: it leads every other
     candidate, and any entry words alone could bring, by more than words can give. */
  PasteIndex.prototype.settled = function (answer) {
    var w = this.rules.weights, m = answer.matches;
    if (answer.verdict !== "match") return answer.verdict === "other-provider";
    var wordsAlone = w.text + w.status + w.type + w.surface * w.surface_cap + w.provider_home;
    return m[0].score >= wordsAlone && (m.length < 2 || m[0].score - m[1].score >= w.text);
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

  var files = {};
  function fetchJSON(url) {
    if (!files[url]) {
      files[url] = fetch(url, { credentials: "same-origin" })
        .then(function (res) { if (!res.ok) throw new Error("HTTP " + res.status); return res.json(); });
    }
    return files[url];
  }

  var indexes = {};
  function loadIndex(base) {
    if (!indexes[base]) indexes[base] = fetchJSON(base + "core.json").then(function (core) { return new PasteIndex(core); });
    return indexes[base];
  }

  function loadShards(index, base, ks) {
    return Promise.all(ks.map(function (k) {
      return fetchJSON(base + shardName(k)).then(function (doc) { if (!index.loadedShards[k]) index.addShard(k, doc); });
    }));
  }

  function loadWords(index, base, query) {
    return Promise.all(index.missingText(query).map(function (k) {
      return fetchJSON(base + textName(k)).then(function (doc) { index.addText(k, doc); });
    }));
  }

  /* The first answer as soon as the shards of the paste's candidates are in; then the answer with words, once
     the word shards of the paste's words (asked for at the same time, a few KB each) and the shards of the
     entries they point at are. */
  /* What a paste needs, asked for at once: its candidates' shards and the word shards of its words. */
  function loadFor(index, base, ev) {
    return [loadShards(index, base, index.missingShards(index.candidates(ev))), loadWords(index, base, ev.query)];
  }

  function answer(index, base, paste, onFirst, onFinal) {
    var ev = index.analyze(paste);
    var loads = loadFor(index, base, ev), candidates = loads[0], words = loads[1];
    words.catch(function () {});  // a failure is reported through the chain below, once
    return candidates
      .then(function () { onFirst(index.explain(paste, 5, false)); return words; })
      .then(function () { return loadShards(index, base, index.missingShards(index.wordCandidates(index.textScores(ev.query)))); })
      .then(function () { onFinal(index.explain(paste, 5, true)); });
  }

  /* Material's search index waits (paste-first.js) until the first answer is on screen. */
  function releaseMaterialSearchIndex() { if (window.mdxReleaseSearchIndex) window.mdxReleaseSearchIndex(); }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var TIER_LABELS = { exact: "Exact match", likely: "Likely", related: "Related" };
  var TIER_HELP = {
    exact: "The entry's message or error code is in your paste.",
    likely: "Your paste's status, error type or exception class fits this entry, but no message matched.",
    related: "Only words or loose evidence in common."
  };
  var REPORT_MAX = 3000;  // of the paste, in a report link: a new-issue URL must stay short enough for GitHub

  function link(text, href, cls) {
    var a = el("a", cls, text);
    a.href = href;
    return a;
  }

  /* What the search read, in words: "status 429 · error type rate_limit_error · ... · from Python SDK". */
  function readLine(read, titles) {
    var parts = [];
    if (read.status.length) parts.push("status " + read.status.join(", "));
    if (read.error_type.length) parts.push("error type " + read.error_type.join(", "));
    if (read.error_code.length) parts.push("error code " + read.error_code.join(", "));
    if (read.classes.length) parts.push("exception " + read.classes.join(", "));
    if (read.surfaces.length) parts.push("from " + read.surfaces.map(function (s) { return titles[s] || s; }).join(", "));
    return parts.length ? parts.join(" \u00b7 ") : "nothing recognisable: no status, error type, error code or exception class";
  }

  /* A prefilled new issue: the paste redacted as share links are, what was read, the data version. Opened only
     by the reader's click; the page itself sends nothing. */
  function reportHref(index, paste, answer) {
    var report = index.report;
    var text = index.redact(paste).text;
    if (text.length > REPORT_MAX) text = text.slice(0, REPORT_MAX / 2) + "\n[...]\n" + text.slice(text.length - REPORT_MAX / 2);
    var params = new URLSearchParams({
      template: report.template,
      title: answer.verdict === "match" ? "Wrong entry: " + answer.matches[0].id : "Missing error: " + readLine(answer.read, index.rules.surface_titles).slice(0, 80),
      paste: wellFormed(text),
      read: "Verdict: " + answer.verdict + (answer.matches.length ? " (top: " + answer.matches[0].id + ", " + answer.matches[0].confidence + ")" : "") + "\nRead: " + readLine(answer.read, index.rules.surface_titles),
      version: report.data_version
    });
    if (answer.verdict === "match") params.set("entry", answer.matches[0].id);
    return report.new_issue + "?" + params.toString();
  }

  function resultList(matches, root) {
    var list = el("ol", "mdx-paste__list");
    matches.forEach(function (m) {
      var li = el("li", "mdx-paste__result mdx-paste__result--" + m.confidence);
      li.appendChild(link(m.title, root + m.url, "mdx-paste__title"));
      var tier = el("span", "mdx-paste__tier mdx-paste__tier--" + m.confidence, TIER_LABELS[m.confidence]);
      tier.title = TIER_HELP[m.confidence];
      li.appendChild(tier);
      li.appendChild(el("span", "mdx-paste__why", m.why));
      li.appendChild(el("span", "mdx-paste__retry" + (m.retryable ? " mdx-paste__retry--yes" : ""), m.retryable ? "retryable" : "not retryable"));
      li.appendChild(el("p", "mdx-paste__summary", m.summary));
      list.appendChild(li);
    });
    return list;
  }

  /* phase "first": the settled best entry alone, the rest to come below it; "final": everything. New content is
     only ever added below what is already on screen, so nothing moves under the reader. */
  function render(box, answer, index, root, paste, phase) {
    box.textContent = "";
    if (!paste.trim()) return;
    var titles = index.rules.surface_titles;
    var more = phase === "first" ? el("p", "mdx-paste__more", "Looking for related entries\u2026") : null;
    if (answer.verdict === "match") {
      box.appendChild(resultList(phase === "first" ? answer.matches.slice(0, 1) : answer.matches, root));
      if (more) box.appendChild(more);
    } else {
      var none = el("div", "mdx-paste__none");
      none.appendChild(el("p", "mdx-paste__verdict", answer.verdict === "other-provider"
        ? "This looks like an error from " + answer.provider.title + "; this site covers Claude."
        : "No entry explains this paste yet."));
      none.appendChild(el("p", "mdx-paste__read", "What the search read: " + readLine(answer.read, titles) + "."));
      if (answer.general.length) {
        var general = el("p", "mdx-paste__general", "General entry: ");
        answer.general.forEach(function (g, i) {
          if (i) general.appendChild(document.createTextNode(" \u00b7 "));
          general.appendChild(link(g.title, root + g.url));
        });
        none.appendChild(general);
      }
      var hubs = el("p", "mdx-paste__hubs", "Browse: ");
      [["by HTTP status", "status/"], ["by error type", "types/"], ["all errors", "errors/"]].forEach(function (hub, i) {
        if (i) hubs.appendChild(document.createTextNode(" \u00b7 "));
        hubs.appendChild(link(hub[0], root + hub[1]));
      });
      none.appendChild(hubs);
      box.appendChild(none);
      if (more && answer.verdict === "none") box.appendChild(more);
      if (answer.matches.length && !more) {
        box.appendChild(el("h2", "mdx-paste__related", "Related"));
        box.appendChild(resultList(answer.matches, root));
      }
    }
    var report = el("p", "mdx-paste__report");
    report.appendChild(document.createTextNode(answer.verdict === "match" ? "Not this error? " : "Seen this error? "));
    var a = link("Report it", reportHref(index, paste, answer), "mdx-paste__report-link");
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    report.appendChild(a);
    report.appendChild(document.createTextNode(" (opens a prefilled GitHub issue; nothing is sent until you submit it)"));
    box.appendChild(report);
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
    // While the page loads, the parser may have reached the component but not its end: wait for the results box,
    // its last part (the observer below tries again as parsing goes on).
    if (!node.querySelector(".mdx-paste__input") || !node.querySelector(".mdx-paste__results")) return;
    node.setAttribute("data-mdx-ready", "1");
    var base = new URL(node.getAttribute("data-mdx-index"), location.href).href;
    var root = base.replace(/assets\/generated\/paste\/$/, "");
    var input = node.querySelector(".mdx-paste__input");
    var box = node.querySelector(".mdx-paste__results");
    var copy = node.querySelector(".mdx-paste__copy");
    var notice = node.querySelector(".mdx-paste__notice");
    var queryParam = node.getAttribute("data-mdx-url-query");
    var timer = null, latest = 0;
    function show(index, result, paste, phase) {
      render(box, result, index, root, paste, phase);
      node.setAttribute("data-mdx-state", result.verdict === "match" ? "results" : "none");
      node.setAttribute("data-mdx-verdict", result.verdict);
      node.setAttribute("data-mdx-phase", phase);
    }
    function run() {
      var paste = input.value, mine = ++latest;
      if (!paste.trim()) {
        box.textContent = "";
        node.setAttribute("data-mdx-state", "empty");
        node.removeAttribute("data-mdx-phase");
        return;
      }
      node.setAttribute("data-mdx-phase", "searching");
      loadIndex(base).then(function (index) {
        var t0 = performance.now();
        return answer(index, base, paste, function (first) {
          if (mine !== latest) return;
          // Shown at once only when words can't change it; otherwise the answer waits for them.
          if (index.settled(first) || first.verdict === "none") show(index, first, paste, "first");
          else box.textContent = "Searching\u2026";
          releaseMaterialSearchIndex();
        }, function (final) {
          if (mine !== latest) return;
          node.setAttribute("data-mdx-ms", String(performance.now() - t0));
          show(index, final, paste, "final");
        });
      }).catch(function (err) {
        if (mine !== latest) return;
        box.textContent = "The search index could not be loaded (" + err.message + "). Browse by status or type instead.";
        node.setAttribute("data-mdx-phase", "error");
        releaseMaterialSearchIndex();
      });
    }
    input.addEventListener("input", function () {
      node.setAttribute("data-mdx-phase", "typing");  // what is on screen belongs to the previous text
      clearTimeout(timer);
      timer = setTimeout(run, 60);
    });
    var q = queryParam ? sharedPaste(queryParam) : null;
    if (q) { input.value = q; run(); keepMaterialSearchClosed(q); }
    else loadIndex(base).then(releaseMaterialSearchIndex, releaseMaterialSearchIndex);  // nothing to answer yet: ready for typing first
    if (copy) copy.addEventListener("click", function () {
      loadIndex(base).then(function (index) {
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

  /* A share link's paste is known long before the component is parsed (parsing waits for the theme's stylesheets
     and inline scripts): fetch the index files it needs now, so the component finds them on their way when it
     mounts. Only the early copy in <head> on the paste page carries the link's parameter. */
  function prefetchSharedPaste(script) {
    var param = script && script.getAttribute("data-mdx-url-query");
    var hint = document.querySelector("link[rel=preload][href$='generated/paste/core.json']");
    if (!param || !hint) return;
    var paste = new URLSearchParams(location.hash.replace(/^#/, "")).get(param) || new URLSearchParams(location.search).get(param);
    if (!paste) return;
    var base = hint.href.slice(0, -"core.json".length);
    var ignore = function () {};  // a failure shows when the component asks for the same files
    loadIndex(base).then(function (index) {
      loadFor(index, base, index.analyze(paste)).forEach(function (load) { load.catch(ignore); });
    }, ignore);
  }

  function mountAll() { document.querySelectorAll("[data-mdx-component=paste-search]").forEach(mount); }

  if (inNode) { module.exports = { PasteIndex: PasteIndex, decode: decode }; return; }
  // Pages that answer a paste load this script early (async, in <head>) and again with the others: run once.
  if (window.mdxPasteSearch) return;
  window.mdxPasteSearch = { PasteIndex: PasteIndex, decode: decode };
  // Mount what is already parsed, and, while the page is still loading, each component as soon as the parser has
  // reached its end (the early copy runs long before the theme's bundle, which parsing waits for); then on every
  // page the theme's instant navigation brings (document$).
  prefetchSharedPaste(document.currentScript);
  mountAll();
  function followNavigation() {
    if (typeof document$ !== "undefined") document$.subscribe(mountAll);
    else mountAll();
  }
  if (document.readyState === "loading") {
    var parsing = new MutationObserver(mountAll);
    parsing.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", function () { parsing.disconnect(); followNavigation(); });
  } else followNavigation();
})();
