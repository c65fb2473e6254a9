// A fresh home whose ledger holds the same five requests over three days (priced, unpriced, a fallback, an
// agent), and `oss models costs` run in-process against it: what the costs table and chart tests both read.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { mergeIntoLedger, type LedgerRecord } from '../../src/usage/ledger.js';
import { capturedIO } from './captured-io.js';

/** Noon, local time, on a day of January 2026. */
export const januaryDay = (day: number) => new Date(2026, 0, day, 12).getTime();

function record(overrides: Partial<LedgerRecord>): LedgerRecord {
  return {
    prompt: 'oss:ship', model: 'openai/gpt-4o', input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0,
    cost_usd: 0, unpriced: false, fallback: false, at: januaryDay(10), ...overrides,
  };
}

export async function homeWithSampleLedger(): Promise<NodeJS.ProcessEnv> {
  const home = await mkdtemp(join(tmpdir(), 'oss-costs-'));
  const env = { HOME: home, OSS_HOME: join(home, '.oss') };
  await mergeIntoLedger([
    record({ at: januaryDay(10), input_tokens: 10000, output_tokens: 2000, cost_usd: 0.045 }),
    record({ at: januaryDay(10), prompt: 'code-reviewer', model: 'ollama/codellama', input_tokens: 3000, output_tokens: 1000 }),
    record({ at: januaryDay(11), model: 'openrouter/deepseek/deepseek-chat', input_tokens: 1000, cache_read_tokens: 4000, output_tokens: 500, cost_usd: 0.0012 }),
    record({ at: januaryDay(12), prompt: 'adhoc', model: 'lmstudio/qwen', input_tokens: 100, output_tokens: 100, unpriced: true }),
    record({ at: januaryDay(12), prompt: 'adhoc', model: 'claude', input_tokens: 100, output_tokens: 10, fallback: true, cost_usd: 0.001 }),
  ], env);
  return env;
}

/** `oss models costs <args>` in-process, from the home folder. */
export async function runCosts(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capturedIO(env, env.HOME!);
  const code = await main(['models', 'costs', ...args], io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}
