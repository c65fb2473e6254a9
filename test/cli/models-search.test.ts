// `oss models search`: by name or capability word, --free, human and JSON output.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';

let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  const home = await mkdtemp(join(tmpdir(), 'oss-search-'));
  env = { HOME: home, OSS_HOME: join(home, '.oss') };
});

async function executeModelsCommand(args: string[]) {
  const io = capturedIO(env, env.HOME!);
  const code = await main(['models', ...args], io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

/** The model ids of the human listing, in the order printed. */
const listedIds = (out: string) => out.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim().split(/\s+/)[0]);

describe('oss models search (seed plan)', () => {
  it('should filter models by query', async () => {
    const { code, out, err } = await executeModelsCommand(['search', 'code']);
    expect(code).toBe(0);
    expect(out).toContain('codellama');
    expect(out).toContain('deepseek-coder');
    expect(out).not.toContain('openai/gpt-4o ');
    expect(err).toBe('');
    expect(out.split('\n')[0]).toBe("16 models match 'code'. Prices: USD per 1M tokens, input / output. Marks: T tools, V vision, R reasoning.");
    expect(listedIds(out)).toEqual([
      'openrouter/mistralai/devstral-2512',
      'openrouter/openai/gpt-5-codex',
      'openrouter/openai/gpt-5.1-codex-max',
      'openrouter/openai/gpt-5.2-codex',
      'openrouter/qwen/qwen-2.5-coder-32b-instruct',
      'openrouter/qwen/qwen3-coder',
      'openrouter/qwen/qwen3-coder-plus',
      'openrouter/qwen/qwen3-coder:free',
      'ollama/codegeex4',
      'ollama/codellama',
      'ollama/deepseek-coder',
      'ollama/deepseek-coder-v2-instruct',
      'ollama/deepseek-coder-v2-lite-instruct',
      'ollama/qwen2.5-coder',
      'ollama/qwen3-coder:480b-cloud',
      'deepseek/deepseek-coder',
    ]);
  });

  it('should show free models with --free flag', async () => {
    const { out } = await executeModelsCommand(['search', '--free']);
    expect(out).not.toContain('gpt-4o'); // Not free
    expect(out).toContain('llama'); // Free via Ollama
    expect(out.split('\n')[0]).toBe('33 models match free. Prices: USD per 1M tokens, input / output. Marks: T tools, V vision, R reasoning.');
    const rows = out.split('\n').filter((line) => line.startsWith('  '));
    expect(rows).toHaveLength(33);
    for (const row of rows) expect(row.trim().split(/\s+/)[1]).toBe('free');
    expect(rows.filter((row) => row.includes('llama3.2 '))).toEqual(['  ollama/llama3.2                         free              131k ctx  T--']);
  });
});

describe('oss models search', () => {
  it('groups matches under provider headings, counts them and aligns the columns per group', async () => {
    const { out, err } = await executeModelsCommand(['search', 'qwen3-coder']);
    expect(err).toBe('');
    expect(out).toBe(
      [
        "4 models match 'qwen3-coder'. Prices: USD per 1M tokens, input / output. Marks: T tools, V vision, R reasoning.",
        '',
        'OpenRouter (3)',
        '  openrouter/qwen/qwen3-coder       $0.22 / $0.95     262k ctx  T--',
        '  openrouter/qwen/qwen3-coder-plus  $1.00 / $5.00     998k ctx  T-R',
        '  openrouter/qwen/qwen3-coder:free  free              262k ctx  T--',
        '',
        'Ollama (1)',
        '  ollama/qwen3-coder:480b-cloud  ?                 262k ctx  T--',
        '',
      ].join('\n'),
    );
  });

  it('says so and suggests capability words when nothing matches', async () => {
    const { code, out } = await executeModelsCommand(['search', 'no-such-model-anywhere']);
    expect(code).toBe(0);
    expect(out).toBe("No models match 'no-such-model-anywhere'. Try a capability word: tools, vision, reasoning, free, local, code.\n");
  });

  it('prints the stable JSON shape with --json, every match having every asked capability', async () => {
    const { out } = await executeModelsCommand(['search', 'tools', 'reasoning', '--free', '--json']);
    const parsed = JSON.parse(out);
    expect(parsed.query).toBe('tools reasoning');
    expect(parsed.free).toBe(true);
    expect(parsed.models.map((m: { id: string }) => m.id)).toEqual(['ollama/deepseek-r1', 'ollama/gpt-oss', 'ollama/qwen3', 'openrouter/openrouter/free']);
    for (const model of parsed.models) expect(model).toMatchObject({ tools: true, reasoning: true, free: true });
    expect(parsed.models.find((m: { id: string }) => m.id === 'ollama/deepseek-r1')).toEqual({
      id: 'ollama/deepseek-r1', provider: 'ollama', upstreamModel: 'deepseek-r1',
      inputPer1M: 0, outputPer1M: 0, cacheReadPer1M: 0, cacheWritePer1M: 0,
      contextWindow: 131072, maxOutputTokens: null, tools: true, vision: false, reasoning: true, reasoningModel: false,
      free: true, dynamicPricing: false, deprecationDate: null, installed: null,
    });
  });
});
