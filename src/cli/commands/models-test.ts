// `oss models test <model>`: one minimal real request through the same proxy and adapter an `oss run` uses,
// so a passing test means the key, base URL and model id work. Prints `✓ <model> <ms>ms: <reply>` (exit 0)
// or `✗ <model>: <reason>` (exit 1); --json gives the stable shape in docs/json-output.md.
import type { CliIO } from '../../io.js';
import { UsageError } from '../../errors.js';
import { loadConfig } from '../../config/load-config.js';
import { untrustedNotice } from '../../config/untrusted-config.js';
import { MODEL_ID_EXPECTED } from '../../model-id.js';
import { isValidModelId } from '../../config/providers.js';
import { ModelProxy } from '../../proxy/model-proxy.js';
import { redact, rememberSecret } from '../../redact.js';

export interface ModelsTestOptions {
  json?: boolean;
  timeout?: string;
}

export interface ModelTestResult {
  model: string;
  ok: boolean;
  latency_ms: number;
  /** First line of the model's answer (ok only). */
  reply?: string;
  /** Why it failed (not ok only): the Anthropic error type and status the proxy gave, and a message. */
  error?: { type: string; status?: number; message: string };
}

const PROMPT = 'Reply with the single word: pong';

export async function modelsTest(model: string, opts: ModelsTestOptions, io: CliIO): Promise<number> {
  const timeoutMs = Number(opts.timeout ?? '30000');
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout ${JSON.stringify(opts.timeout)}: expected milliseconds, e.g. 30000`);
  const result = await runModelTest(model, timeoutMs, io);
  if (opts.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.ok) io.stdout(`✓ ${model} ${result.latency_ms}ms: ${result.reply ?? ''}\n`);
  else io.stdout(`✗ ${model}: ${result.error?.message ?? 'failed'}\n`);
  return result.ok ? 0 : 1;
}

async function runModelTest(model: string, timeoutMs: number, io: CliIO): Promise<ModelTestResult> {
  const started = Date.now();
  const failed = (type: string, message: string, status?: number): ModelTestResult => ({
    model,
    ok: false,
    latency_ms: Date.now() - started,
    error: { type, ...(status !== undefined ? { status } : {}), message: redact(message) },
  });
  rememberSecret(io.env.ANTHROPIC_API_KEY);
  rememberSecret(io.env.ANTHROPIC_AUTH_TOKEN);
  const { merged: config, untrusted } = await loadConfig({ cwd: io.cwd, env: io.env });
  for (const file of untrusted) io.stderr(`${untrustedNotice(file)}\n`);
  if (!isValidModelId(model, config)) return failed('not_found_error', `unknown model id: expected ${MODEL_ID_EXPECTED}`);

  const proxy = new ModelProxy({
    plan: { prompt: { type: 'adhoc', name: 'models-test' }, main: { model, source: 'cli' }, background: { model, source: 'cli' }, agents: [], fallback: false },
    config,
    env: io.env,
    claudeAvailable: Object.keys(claudeCredentials(io.env)).length > 0,
    tuning: { timeouts: { headersMs: timeoutMs, bodyIdleMs: timeoutMs }, retry: { maxRetries: 0 } },
  });
  await proxy.start();
  try {
    const response = await fetch(`${proxy.baseUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...claudeCredentials(io.env) },
      body: JSON.stringify({ model, max_tokens: 64, stream: false, messages: [{ role: 'user', content: PROMPT }] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { content?: Array<{ type?: string; text?: string }>; error?: { type?: string; message?: string } };
    if (!response.ok) return failed(body.error?.type ?? 'api_error', body.error?.message ?? `HTTP ${response.status}`, response.status);
    const text = (body.content ?? []).filter((block) => block.type === 'text').map((block) => block.text ?? '').join('').trim();
    return { model, ok: true, latency_ms: Date.now() - started, reply: firstLine(text) };
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return failed('timeout_error', `no answer within ${timeoutMs}ms`);
    return failed('api_error', error instanceof Error ? error.message : String(error));
  } finally {
    await proxy.shutdown();
  }
}

/** What Claude Code would send for a `claude` model: the user's own Anthropic credentials. */
function claudeCredentials(env: NodeJS.ProcessEnv): Record<string, string> {
  return {
    ...(env.ANTHROPIC_API_KEY ? { 'x-api-key': env.ANTHROPIC_API_KEY } : {}),
    ...(env.ANTHROPIC_AUTH_TOKEN ? { authorization: `Bearer ${env.ANTHROPIC_AUTH_TOKEN}` } : {}),
  };
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
