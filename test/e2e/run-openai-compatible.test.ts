// (a) `oss run` with an OpenAI-compatible provider: the real claude asks, the scripted upstream calls Write
// and then answers; the file is written, oss exits 0 and the ledger has the run with tokens and a cost.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider } from '../support/e2e-run.js';
import { openAITextStream, openAIToolCallStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function hasToolResult(body: unknown): boolean {
  return ((body as { messages?: Array<{ role?: string }> }).messages ?? []).some((message) => message.role === 'tool');
}

/** Calls Write on the first turn (arguments in two fragments), answers once the tool result is back. */
async function writeThenAnswer(write: { file_path: string; content: string }): Promise<ScriptedUpstream> {
  const upstream = await startOpenAIUpstream((request) => {
    if (hasToolResult(request.body)) return openAITextStream(['The file ', 'is written.'], { prompt: 900, completion: 6 });
    const args = JSON.stringify(write);
    return openAIToolCallStream('call_write_1', 'Write', [args.slice(0, 20), args.slice(20)], { prompt: 800, completion: 30 });
  });
  cleanups.push(() => upstream.close());
  return upstream;
}

describe('oss run against an OpenAI-compatible provider (real claude)', () => {
  it('writes the file the model asked for, exits 0 and records tokens and cost in usage.json', async () => {
    const write = { file_path: '', content: 'written through oss\n' };
    const upstream = await writeThenAnswer(write);
    const project = makeProject({
      providers: { scripted: openAIProvider(upstream.url) },
      pricing: { 'scripted/coder-1': { input: 2, output: 8 } },
    });
    cleanups.push(() => project.remove());
    const file = join(project.dir, 'notes.txt');
    write.file_path = file;

    const io = capturedIO(project.env({ SCRIPTED_API_KEY: 'sk-scripted' }), project.dir);
    const code = await main(['run', 'write the notes file', '-m', 'scripted/coder-1', '-p', '--claude-bin', CLAUDE_BIN, '--', '--permission-mode', 'acceptEdits'], io);

    expect(code, io.stderrText()).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('written through oss\n');
    expect(upstream.requests.map((request) => (request.body as { model?: string }).model)).toEqual(['coder-1', 'coder-1']);
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer sk-scripted');

    const run = onlyDay(project.ledger()).adhoc;
    expect(run).toMatchObject({ requests: 2, input_tokens: 1700, output_tokens: 36, fallbacks: 0 });
    expect(run?.cost_usd).toBeCloseTo((1700 * 2 + 36 * 8) / 1_000_000, 10);
    expect(Object.keys(run?.models ?? {})).toEqual(['scripted/coder-1']);
    expect(io.stderrText()).toContain('oss: adhoc · scripted/coder-1 · 2 requests · 1,700 in / 36 out · $0.0037');
  }, 120_000);
});
