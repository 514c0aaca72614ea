// Runs the page's paste search (overrides/assets/javascripts/paste-search.js) under Node.
// stdin: {"index": <path to paste-index.json>, "pastes": [...], "top": N, "lunr_queries": [[tokens], ...]}
// stdout: {"results": [{verdict, provider, read, general, matches: [{id, score, why, confidence}...]}, ...], "lunr": [[{ref, score}...], ...]}
"use strict";
const fs = require("fs");
const path = require("path");
const { PasteIndex } = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "paste-search.js"));

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const index = new PasteIndex(JSON.parse(fs.readFileSync(input.index, "utf8")));
const results = input.pastes.map((p) => {
  const answer = index.explain(p, input.top);
  return { ...answer, matches: answer.matches.map((m) => ({ id: m.id, score: m.score, why: m.why, confidence: m.confidence })) };
});
const lunrResults = (input.lunr_queries || []).map((tokens) =>
  index.lunr.query((q) => tokens.forEach((t) => q.term(t, { usePipeline: false }))).map((r) => ({ ref: r.ref, score: r.score })));
const timings = (input.timing_pastes || []).map((p) => { const t0 = process.hrtime.bigint(); index.search(p, 5); return Number(process.hrtime.bigint() - t0) / 1e6; });
const redactions = (input.redact || []).map((t) => index.redact(t));
process.stdout.write(JSON.stringify({ results, lunr: lunrResults, timings, redactions }));
