// Retry a Claude API call yourself: capped exponential backoff with full jitter, honouring retry-after.
// The SDK already retries twice by default; turn its retries off (maxRetries: 0) when you use your own loop.
import Anthropic from '@anthropic-ai/sdk';

function shouldRetry(err: InstanceType<typeof Anthropic.APIError>): boolean {
  const header = err.headers?.get('x-should-retry');
  if (header === 'true' || header === 'false') return header === 'true';
  const status = err.status ?? 0;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function retryAfterMs(err: InstanceType<typeof Anthropic.APIError>): number | null {
  const seconds = Number(err.headers?.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

function backoffMs(attempt: number, baseMs = 500, capMs = 30_000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)); // "full jitter"
}

export async function createWithRetries(client: Anthropic, params: Anthropic.MessageCreateParamsNonStreaming, maxAttempts = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.messages.create(params);
    } catch (err) {
      // Connection errors and timeouts are APIError subclasses without a status: always retryable.
      const retryable = err instanceof Anthropic.APIConnectionError || (err instanceof Anthropic.APIError && shouldRetry(err));
      if (!retryable || attempt === maxAttempts) throw err;
      const delay = (err instanceof Anthropic.APIError && retryAfterMs(err)) || backoffMs(attempt);
      console.log(`attempt ${attempt}: ${(err as Error).name}; retrying in ${(delay / 1000).toFixed(1)}s`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

const client = new Anthropic({ maxRetries: 0 }); // reads ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL, if set)
const message = await createWithRetries(client, {
  model: process.env.CLAUDE_MODEL ?? 'claude-sonnet-5-5',
  max_tokens: 256,
  messages: [{ role: 'user', content: 'Hello, Claude' }],
});
const first = message.content[0];
console.log(first.type === 'text' ? first.text : first.type);
