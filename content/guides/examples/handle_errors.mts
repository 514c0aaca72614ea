// A robust error handler for the TypeScript SDK: most specific class first, log what support needs, decide.
// Run it with a prompt: npx tsx handle_errors.mts "Hello". It prints the reply, or one line saying what
// went wrong and what to do, and exits 1.
import Anthropic from '@anthropic-ai/sdk';

export function describe(err: unknown): string {
  if (err instanceof Anthropic.APIError && err.status !== undefined) {
    return `${err.status} ${err.type ?? '-'} error_code=${err.errorCode ?? '-'} request_id=${err.requestID ?? '-'}: ${err.apiMessage ?? err.message}`;
  }
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

export function nextStep(err: unknown): string {
  // instanceof checks, subclasses first: APIConnectionTimeoutError extends APIConnectionError, and
  // APIConnectionError, APIUserAbortError and every status error extend APIError.
  if (err instanceof Anthropic.BadRequestError) return 'fix the request';
  if (err instanceof Anthropic.AuthenticationError) return 'check ANTHROPIC_API_KEY';
  if (err instanceof Anthropic.PermissionDeniedError) return "check the key's workspace and model access";
  if (err instanceof Anthropic.NotFoundError) return 'check the model id or resource id';
  if (err instanceof Anthropic.RateLimitError || err instanceof Anthropic.InternalServerError) return 'retry later';
  if (err instanceof Anthropic.APIConnectionTimeoutError) return 'stream the response or raise the timeout';
  if (err instanceof Anthropic.APIConnectionError) return 'check the network or proxy';
  if (err instanceof Anthropic.APIUserAbortError) return 'the request was cancelled';
  if (err instanceof Anthropic.APIError) {
    // Other statuses, and errors that arrive mid-stream after HTTP 200 (status is then undefined).
    return ['overloaded_error', 'api_error', 'rate_limit_error'].includes(err.type ?? '') ? 'retry later' : 'inspect the error';
  }
  // A missing API key is a plain Error thrown before any request: not an Anthropic.APIError.
  return 'check how the client is configured';
}

const client = new Anthropic({ timeout: Number(process.env.CLAUDE_TIMEOUT ?? 600) * 1000 });
try {
  const message = await client.messages.create({
    model: process.env.CLAUDE_MODEL ?? 'claude-sonnet-5-5',
    max_tokens: 256,
    messages: [{ role: 'user', content: process.argv[2] ?? 'Hello, Claude' }],
  });
  const first = message.content[0];
  console.log(first.type === 'text' ? first.text : first.type);
} catch (err) {
  console.error(`${nextStep(err)}: ${describe(err)}`);
  process.exit(1);
}
