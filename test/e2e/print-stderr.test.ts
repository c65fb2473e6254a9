// Print-mode runs hide Claude Code's `[claude-code:unrecognized_model]` lines (the real claude writes one for
// every oss model id it does not know) and pass the rest of its stderr through unchanged. Releases before
// 2.1.332 write no such line (test/support/claude-release.ts): their control expects none.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { ANNOUNCES_UNRECOGNIZED_MODEL } from '../support/claude-release.js';
import { CLAUDE_BIN, makeProject, openAIProvider } from '../support/e2e-run.js';
import { openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';
import { execa } from 'execa';

describe('print-mode stderr (real claude)', () => {
  it('claude alone prints the unrecognized_model line for an oss model id; through oss -p stderr holds only oss\'s summary line', async () => {
    const upstream = await startOpenAIUpstream(() => openAITextStream(['All done.'], { prompt: 100, completion: 3 }));
    const project = makeProject({ providers: { scripted: openAIProvider(upstream.url) }, pricing: { 'scripted/coder-1': { input: 1, output: 1, contextWindow: 128_000 } } });
    try {
      // The control: the same claude with the environment oss gives it, pointed at a closed port, announces the id.
      const direct = await execa(CLAUDE_BIN, ['-p', 'hi'], {
        env: project.env({
          ANTHROPIC_API_KEY: 'sk-test',
          ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
          CLAUDE_CODE_MAX_RETRIES: '0',
          ANTHROPIC_MODEL: 'scripted/coder-1',
          CLAUDE_CODE_MAX_CONTEXT_TOKENS: '128000',
        }),
        extendEnv: false,
        cwd: project.dir,
        reject: false,
        stdin: 'ignore',
        timeout: 60_000,
      });
      expect(direct.stderr.split('\n').filter((line) => line.startsWith('[claude-code:unrecognized_model]'))).toEqual(
        ANNOUNCES_UNRECOGNIZED_MODEL ? ['[claude-code:unrecognized_model] {"model":"scripted/coder-1","query_source":"sdk"}'] : [],
      );

      const io = capturedIO(project.env({ SCRIPTED_API_KEY: 'sk-scripted' }), project.dir);
      const code = await main(['run', 'say done', '-p', '-m', 'scripted/coder-1', '--claude-bin', CLAUDE_BIN], io);
      expect(code, io.stderrText()).toBe(0);
      expect(io.stderrText()).toBe(
        'oss: Claude Code has no Anthropic login or key (no claude.ai login, CLAUDE_CODE_OAUTH_TOKEN, apiKeyHelper or ANTHROPIC_API_KEY): ' +
          'Claude routes and fallback to Claude are off for this run; run `claude /login` to turn them on\n' +
          'oss: adhoc · scripted/coder-1 · 1 request · 100 in / 3 out · $0.0001\n',
      );
    } finally {
      await upstream.close();
      project.remove();
    }
  }, 120_000);
});
