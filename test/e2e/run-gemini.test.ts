// (b) `oss run` with Gemini: the real claude, the Gemini adapter, a scripted streamGenerateContent upstream
// that calls Write and then answers. The file is written, oss exits 0 and the ledger has tokens and a cost.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { CLAUDE_BIN, makeProject, onlyDay } from '../support/e2e-run.js';
import { geminiFunctionCallStream, geminiTextStream, startGeminiUpstream } from '../support/scripted-gemini-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function hasFunctionResponse(body: unknown): boolean {
  const contents = (body as { contents?: Array<{ parts?: Array<Record<string, unknown>> }> }).contents ?? [];
  return contents.some((content) => (content.parts ?? []).some((part) => 'functionResponse' in part));
}

describe('oss run against Gemini (real claude)', () => {
  it('writes the file through the Gemini adapter, exits 0 and records tokens and cost', async () => {
    const write = { file_path: '', content: 'written through gemini\n' };
    const upstream = await startGeminiUpstream((request) =>
      hasFunctionResponse(request.body) ? geminiTextStream(['Done, ', 'the file is there.'], 300, 9) : geminiFunctionCallStream('Write', write),
    );
    cleanups.push(() => upstream.close());
    const project = makeProject({ providers: { gemini: { baseUrl: `${upstream.url}/v1beta` } } });
    cleanups.push(() => project.remove());
    write.file_path = join(project.dir, 'gemini.txt');

    const io = capturedIO(project.env({ GEMINI_API_KEY: 'gem-test-key' }), project.dir);
    const code = await main(['run', 'write gemini.txt', '--model', 'gemini/gemini-2.0-flash', '-p', '--claude-bin', CLAUDE_BIN, '--', '--permission-mode', 'acceptEdits'], io);

    expect(code, io.stderrText()).toBe(0);
    expect(existsSync(write.file_path)).toBe(true);
    expect(readFileSync(write.file_path, 'utf8')).toBe('written through gemini\n');
    expect(upstream.requests).toHaveLength(2);
    expect(upstream.requests[0]?.path).toBe('/v1beta/models/gemini-2.0-flash:streamGenerateContent');
    expect(JSON.stringify(upstream.requests[0]?.headers)).toContain('gem-test-key');

    const run = onlyDay(project.ledger()).adhoc;
    expect(run).toMatchObject({ requests: 2, input_tokens: 320, output_tokens: 15, fallbacks: 0 });
    expect(run?.cost_usd).toBeGreaterThan(0);
    expect(Object.keys(run?.models ?? {})).toEqual(['gemini/gemini-2.0-flash']);
  }, 120_000);
});
