// Runs the page's paste search (overrides/assets/javascripts/paste-search.js) under Node.
// stdin: {"index": <index folder>, "pastes": [...], "top": N, "lunr_index": <lunr JSON>, "lunr_queries": [[tokens], ...], "redact": [...]}
// stdout: {"results": [{verdict, provider, read, general, matches: [{id, score, why, confidence}]}...], "first": [same, before words],
//          "lunr": [[{ref, score}...], ...], "redactions": [...]}
"use strict";
const fs = require("fs");
const path = require("path");
const { PasteIndex } = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "paste-search.js"));

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const files = {};
for (const name of fs.readdirSync(input.index)) files[name] = JSON.parse(fs.readFileSync(path.join(input.index, name), "utf8"));
const index = PasteIndex.fromFiles(files);
const slim = (answer) => ({ ...answer, matches: answer.matches.map((m) => ({ id: m.id, score: m.score, why: m.why, confidence: m.confidence })) });
const results = input.pastes.map((p) => slim(index.explain(p, input.top)));
const first = input.pastes.map((p) => slim(index.explain(p, input.top, false)));
// lunr.js itself, on the lunr index the word shards' weights come from: what the page's word scores must equal.
const lunrIndex = input.lunr_index ? require("lunr").Index.load(JSON.parse(fs.readFileSync(input.lunr_index, "utf8"))) : null;
const lunrResults = (input.lunr_queries || []).map((tokens) =>
  lunrIndex.query((q) => tokens.forEach((t) => q.term(t, { usePipeline: false }))).map((r) => ({ ref: r.ref, score: r.score })));
const timings = (input.timing_pastes || []).map((p) => { const t0 = process.hrtime.bigint(); index.explain(p, 5); return Number(process.hrtime.bigint() - t0) / 1e6; });
const redactions = (input.redact || []).map((t) => index.redact(t));
process.stdout.write(JSON.stringify({ results, first, lunr: lunrResults, timings, redactions }));
