// Runs the real TypeScript SDK (@anthropic-ai/sdk from npm) against the fake API for each job and
// reports what it raised and printed. Called by scripts/kblib/record.py; reads jobs as JSON on stdin.
"use strict";
const fs = require("fs");
const Anthropic = require("@anthropic-ai/sdk");
const { AnthropicBedrock } = require("@anthropic-ai/bedrock-sdk");
const { AnthropicVertex } = require("@anthropic-ai/vertex-sdk");

// A local stand-in for Google credentials: the Vertex client asks it for headers, so nothing leaves the machine.
const fakeGoogleAuth = { projectId: "fake-project", getRequestHeaders: async () => new Headers({ authorization: "Bearer fake" }) };
const CLIENTS = {
  api: (o) => new Anthropic({ apiKey: "sk-ant-fake", ...o }),
  bedrock: (o) => new AnthropicBedrock({ awsAccessKey: "AKIAFAKEFAKEFAKEFAKE", awsSecretKey: "fake", awsRegion: "us-east-1", ...o }),
  vertex: (o) => new AnthropicVertex({ region: "us-east5", projectId: "fake-project", authClient: fakeGoogleAuth, ...o }),
};
const CLIENT_NAMES = { api: "Anthropic", bedrock: "AnthropicBedrock", vertex: "AnthropicVertex" };
const version = JSON.parse(fs.readFileSync(require.resolve("@anthropic-ai/sdk").replace(/index\.js$/, "package.json"), "utf8")).version;

async function run(job) {
  const provider = CLIENTS[job.provider] ? job.provider : "api";
  const client = CLIENTS[provider]({ baseURL: job.base_url, maxRetries: job.max_retries, timeout: job.timeout_ms });
  const params = { model: "claude-fake", max_tokens: 16, messages: [{ role: "user", content: "hi" }] };
  const started = Date.now();
  try {
    if (job.stream) {
      const stream = await client.messages.create({ ...params, stream: true });
      for await (const _ of stream) { /* read to the end */ }
    } else {
      await client.messages.create(params);
    }
    return { entry: job.entry, client: CLIENT_NAMES[provider], raised: null, ms: Date.now() - started };
  } catch (err) {
    return {
      entry: job.entry,
      client: CLIENT_NAMES[provider],
      raised: err.constructor.name,
      chain: chain(err),
      name: err.name,
      message: err.message,
      first_line: String(err.stack || err).split("\n")[0],
      status: err.status === undefined ? null : err.status,
      ms: Date.now() - started,
    };
  }
}

function chain(err) {
  const names = [];
  for (let p = Object.getPrototypeOf(err); p && p.constructor && p.constructor !== Object; p = Object.getPrototypeOf(p)) names.push(p.constructor.name);
  return names;
}

(async () => {
  const jobs = JSON.parse(fs.readFileSync(0, "utf8"));
  // Up to 16 at a time: retry runs spend most of their time waiting for retry-after.
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => { while (next < jobs.length) { const i = next++; results[i] = await run(jobs[i]); } };
  await Promise.all(Array.from({ length: 16 }, worker));
  process.stdout.write(JSON.stringify({ package: "@anthropic-ai/sdk", version, results }));
})();
