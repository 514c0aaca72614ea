// Parses each TypeScript example with esbuild (installed with tsx) and reports syntax errors.
// stdin: {"examples": {"<entry id>": "<code>"}}; stdout: {"<entry id>": "<error>"} for the ones that fail.
"use strict";
const fs = require("fs");
const esbuild = require("esbuild");
const { examples } = JSON.parse(fs.readFileSync(0, "utf8"));
const failures = {};
for (const [id, code] of Object.entries(examples)) {
  try { esbuild.transformSync(code, { loader: "ts", format: "esm" }); }
  catch (err) { failures[id] = err.message.split("\n").slice(0, 3).join(" "); }
}
process.stdout.write(JSON.stringify(failures));
