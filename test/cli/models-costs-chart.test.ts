// `oss models costs --chart`: a bar per day, prompt or model with the table's own figures, in 80 columns,
// `#` bars where the terminal cannot show Unicode blocks, and `--json` unchanged by `--chart`.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { homeWithSampleLedger, runCosts } from '../support/sample-ledger.js';

let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  env = await homeWithSampleLedger();
  vi.stubEnv('TERM', 'xterm-256color');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const run = (...args: string[]) => runCosts(env, ...args);

const full = (cells: number) => '█'.repeat(cells);

describe('oss models costs --chart', () => {
  it('draws a bar per day scaled to the largest cost, in eighths of a cell, with the table\'s costs and footnote', async () => {
    const { code, out, err } = await run('--chart');
    expect([code, err]).toEqual([0, '']);
    // 59 cells for $0.0450; $0.0012 is 12.6 eighths → 13 (█▋); $0.0010 is 10.5 → 10 (█▎).
    expect(out).toBe([
      'Cost by day',
      '',
      `2026-01-10  ${full(59)} $0.0450`,
      `2026-01-11  █▋${' '.repeat(58)}$0.0012`,
      `2026-01-12  █▎${' '.repeat(58)}$0.0010*`,
      `Total${' '.repeat(67)}$0.0472*`,
      '',
      '* 1 request had no known price and counts as $0;',
      `  set one under "pricing" in ${join(env.OSS_HOME!, 'config.json')}.`,
      '',
    ].join('\n'));
  });

  it('groups by model, cuts a long name with an ellipsis, and never passes 80 columns', async () => {
    const { out } = await run('--chart', '--by', 'model');
    const chart = out.split('\n').slice(2, 8);
    expect(chart).toEqual([
      `claude                        ▉${' '.repeat(41)}$0.0010`,
      `lmstudio/qwen${' '.repeat(59)}$0.0000*`,
      `ollama/codellama${' '.repeat(56)}$0.0000`,
      `openai/gpt-4o                 ${full(41)} $0.0450`,
      `openrouter/deepseek/deepsee…  █▏${' '.repeat(40)}$0.0012`,
      `Total${' '.repeat(67)}$0.0472*`,
    ]);
    expect(Math.max(...out.split('\n').slice(0, 8).map((line) => line.length))).toBe(80);
  });

  it('groups by prompt over a date range', async () => {
    const { out } = await run('--chart', '--by', 'prompt', '--since', '2026-01-10', '--until', '2026-01-10');
    expect(out).toBe([
      'Cost by prompt from 2026-01-10 to 2026-01-10',
      '',
      `code-reviewer${' '.repeat(59)}$0.0000`,
      `oss:ship       ${full(56)} $0.0450`,
      `Total${' '.repeat(67)}$0.0450`,
      '',
    ].join('\n'));
  });

  it('uses # bars and a ~ for a cut name on a terminal that cannot show Unicode (the Linux console)', async () => {
    vi.stubEnv('TERM', 'linux');
    const byDay = (await run('--chart')).out.split('\n').slice(2, 5);
    expect(byDay).toEqual([`2026-01-10  ${'#'.repeat(59)} $0.0450`, `2026-01-11  ##${' '.repeat(58)}$0.0012`, `2026-01-12  #${' '.repeat(59)}$0.0010*`]);
    const byModel = (await run('--chart', '--by', 'model')).out.split('\n')[6];
    expect(byModel).toBe(`openrouter/deepseek/deepsee~  #${' '.repeat(41)}$0.0012`);
  });

  it('keeps --json exactly as without --chart', async () => {
    const plain = await run('--json', '--by', 'model');
    const charted = await run('--json', '--chart', '--by', 'model');
    expect(charted).toEqual(plain);
    expect(Object.keys(JSON.parse(charted.out) as object)).toEqual(['ledger', 'since', 'until', 'by', 'rows', 'total']);
  });

  it('says there is no usage instead of drawing an empty chart', async () => {
    const { out } = await run('--chart', '--since', '2030-01-01');
    expect(out).toBe(`No usage recorded from 2030-01-01 to today (${join(env.OSS_HOME!, 'usage.json')}).\n`);
  });
});
