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
  return { code, out: io.stdoutText() };
}

describe('oss models search (seed plan)', () => {
  it('should filter models by query', async () => {
    const { code, out } = await executeModelsCommand(['search', 'code']);
    expect(code).toBe(0);
    expect(out).toContain('codellama');
    expect(out).toContain('deepseek-coder');
    expect(out).not.toContain('openai/gpt-4o ');
  });

  it('should show free models with --free flag', async () => {
    const { out } = await executeModelsCommand(['search', '--free']);
    expect(out).not.toContain('gpt-4o'); // Not free
    expect(out).toContain('llama'); // Free via Ollama
  });
});

describe('oss models search', () => {
  it('groups matches under provider headings and counts them', async () => {
    const { out } = await executeModelsCommand(['search', 'qwen3-coder']);
    expect(out.split('\n')[0]).toMatch(/^4 models match 'qwen3-coder'\. Prices: USD per 1M tokens/);
    expect(out).toMatch(/^OpenRouter \(3\)$/m);
    expect(out).toMatch(/^Ollama \(1\)$/m);
    expect(out).toMatch(/ollama\/qwen3-coder:480b-cloud +\? +262k ctx {2}T--/);
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
    expect(parsed.models.length).toBeGreaterThan(0);
    for (const model of parsed.models) expect(model).toMatchObject({ tools: true, reasoning: true, free: true });
    expect(parsed.models.find((m: { id: string }) => m.id === 'ollama/deepseek-r1')).toEqual({
      id: 'ollama/deepseek-r1', provider: 'ollama', upstreamModel: 'deepseek-r1',
      inputPer1M: 0, outputPer1M: 0, cacheReadPer1M: 0, cacheWritePer1M: 0,
      contextWindow: 131072, maxOutputTokens: null, tools: true, vision: false, reasoning: true, reasoningModel: false,
      free: true, dynamicPricing: false, deprecationDate: null, installed: null,
    });
  });
});
