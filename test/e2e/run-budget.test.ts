// `oss run --max-cost` with the real claude: every request costs $0.0006; with a $0.001 cap the first ends
// below it, the second starts below it and is allowed to cross it, and the third is refused before any provider
// is called. Claude Code shows the refusal as it is and exits 1; oss's exit summary says the same, and the
// ledger holds exactly the two requests that were made.
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { apiErrorText } from '../support/claude-release.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider } from '../support/e2e-run.js';
import { openAITextStream, openAIToolCallStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const STOP =
  'oss: run budget reached: $0.0012 spent on 2 requests, cap $0.001 (--max-cost). Run again with a higher --max-cost.';

describe('a run with a spending cap (real claude)', () => {
  it('lets the request that crosses the cap finish, refuses the next one with the cap message, and records exactly what was spent', async () => {
    // 500 in + 100 out at $1 per million tokens each: $0.0006 per request.
    const usage = { prompt: 500, completion: 100 };
    const upstream = await startOpenAIUpstream((_request, index) =>
      index < 2
        ? openAIToolCallStream(`call_${index}`, 'Bash', [JSON.stringify({ command: `echo step-${index}`, description: 'step' })], usage)
        : openAITextStream(['never reached'], usage),
    );
    cleanups.push(() => upstream.close());
    const project = makeProject({
      providers: { scripted: openAIProvider(upstream.url) },
      pricing: { 'scripted/coder-1': { input: 1, output: 1 } },
    });
    cleanups.push(() => project.remove());

    const result = await execa(
      'node',
      [join(process.cwd(), 'bin/oss.js'), 'run', 'run the steps', '-m', 'scripted/coder-1', '--max-cost', '0.001', '-p', '--claude-bin', CLAUDE_BIN, '--', '--allowedTools', 'Bash'],
      { cwd: project.dir, env: project.env({ SCRIPTED_API_KEY: 'sk-scripted' }), extendEnv: false, reject: false, stdin: 'ignore', timeout: 110_000 },
    );

    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(1);
    expect(result.stdout).toBe(apiErrorText(402, 'billing_error', STOP));
    expect(upstream.requests).toHaveLength(2);
    // oss's own lines (claude adds its unknown-model notice to the same stderr).
    expect(result.stderr.split('\n').filter((line) => line.startsWith('oss:'))).toEqual([
      'oss: Claude Code has no Anthropic login or key (no claude.ai login, CLAUDE_CODE_OAUTH_TOKEN, apiKeyHelper or ANTHROPIC_API_KEY): Claude routes and fallback to Claude are off for this run; run `claude /login` to turn them on',
      'oss: adhoc · scripted/coder-1 · 2 requests · 1,000 in / 200 out · $0.0012',
      STOP,
    ]);
    expect(onlyDay(project.ledger())).toEqual({
      adhoc: {
        requests: 2,
        tokens: 1200,
        input_tokens: 1000,
        output_tokens: 200,
        cache_read_tokens: 0,
        cache_write_tokens: 0,
        cost_usd: 0.0012,
        fallbacks: 0,
        models: {
          'scripted/coder-1': { requests: 2, tokens: 1200, input_tokens: 1000, output_tokens: 200, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: 0.0012, fallbacks: 0 },
        },
      },
    });
  }, 120_000);
});
