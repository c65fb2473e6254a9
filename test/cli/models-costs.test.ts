// `oss models costs`: the ledger as a table with totals, by day, prompt or model, filtered by date.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { homeWithSampleLedger, runCosts } from '../support/sample-ledger.js';

let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  env = await homeWithSampleLedger();
});

const run = (...args: string[]) => runCosts(env, ...args);
const ledgerFile = () => join(env.OSS_HOME!, 'usage.json');
const unpricedNote = () => `* 1 request had no known price and counts as $0; set one under "pricing" in ${join(env.OSS_HOME!, 'config.json')}.`;

/** The whole printed report: the title naming the ledger, the table, and the note on unpriced requests when one is. */
function report(title: string, rows: string[], note = true): string {
  return [`${title} (${ledgerFile()})`, '', ...rows, '', ...(note ? [unpricedNote(), ''] : [])].join('\n');
}

describe('oss models costs', () => {
  it('shows a table by day with a total row and a note on unpriced requests', async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toBe(report('Usage by day', [
      'Day         Requests   Input  Output  Cache read  Cache write  Cost (USD)  Fallbacks',
      '2026-01-10         2  13,000   3,000           0            0    $0.0450           0',
      '2026-01-11         1   1,000     500       4,000            0    $0.0012           0',
      '2026-01-12         2     200     110           0            0    $0.0010*          1',
      'Total              5  14,200   3,610       4,000            0    $0.0472*          1',
    ]));
  });

  it('groups by prompt and by model, rows sorted by key, with the same total and unpriced note', async () => {
    expect((await run('--by', 'prompt')).out).toBe(report('Usage by prompt', [
      'Prompt         Requests   Input  Output  Cache read  Cache write  Cost (USD)  Fallbacks',
      'adhoc                 2     200     110           0            0    $0.0010*          1',
      'code-reviewer         1   3,000   1,000           0            0    $0.0000           0',
      'oss:ship              2  11,000   2,500       4,000            0    $0.0462           0',
      'Total                 5  14,200   3,610       4,000            0    $0.0472*          1',
    ]));
    expect((await run('--by', 'model')).out).toBe(report('Usage by model', [
      'Model                              Requests   Input  Output  Cache read  Cache write  Cost (USD)  Fallbacks',
      'claude                                    1     100      10           0            0    $0.0010           1',
      'lmstudio/qwen                             1     100     100           0            0    $0.0000*          0',
      'ollama/codellama                          1   3,000   1,000           0            0    $0.0000           0',
      'openai/gpt-4o                             1  10,000   2,000           0            0    $0.0450           0',
      'openrouter/deepseek/deepseek-chat         1   1,000     500       4,000            0    $0.0012           0',
      'Total                                     5  14,200   3,610       4,000            0    $0.0472*          1',
    ]));
  });

  it('keeps only the days from --since to --until, inclusive', async () => {
    const { out } = await run('--since', '2026-01-11', '--until', '2026-01-11');
    expect(out).toBe(report('Usage by day from 2026-01-11 to 2026-01-11', [
      'Day         Requests  Input  Output  Cache read  Cache write  Cost (USD)  Fallbacks',
      '2026-01-11         1  1,000     500       4,000            0    $0.0012           0',
      'Total              1  1,000     500       4,000            0    $0.0012           0',
    ], false));
  });

  it('prints the stable JSON shape with --json', async () => {
    const { out } = await run('--by', 'model', '--since', '2026-01-12', '--json');
    expect(JSON.parse(out)).toEqual({
      ledger: join(env.OSS_HOME!, 'usage.json'),
      since: '2026-01-12',
      until: null,
      by: 'model',
      rows: [
        { key: 'claude', requests: 1, tokens: 110, input_tokens: 100, output_tokens: 10, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: 0.001, fallbacks: 1, unpriced: 0 },
        { key: 'lmstudio/qwen', requests: 1, tokens: 200, input_tokens: 100, output_tokens: 100, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: 0, fallbacks: 0, unpriced: 1 },
      ],
      total: { requests: 2, tokens: 310, input_tokens: 200, output_tokens: 110, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: 0.001, fallbacks: 1, unpriced: 1 },
    });
  });

  it('says when nothing was recorded in the range', async () => {
    const { out } = await run('--since', '2030-01-01');
    expect(out).toBe(`No usage recorded from 2030-01-01 to today (${join(env.OSS_HOME!, 'usage.json')}).\n`);
  });

  it('rejects a date that is not YYYY-MM-DD (exit 2)', async () => {
    const { code, err } = await run('--until', '31/01/2026');
    expect(code).toBe(2);
    expect(err).toBe('oss: --until 31/01/2026: expected a date as YYYY-MM-DD, e.g. --until 2026-01-31.\n');
  });

  it('moves a corrupt ledger aside with a warning instead of failing', async () => {
    await writeFile(join(env.OSS_HOME!, 'usage.json'), 'not json');
    const { code, out, err } = await run();
    expect(code).toBe(0);
    expect(out).toBe(`No usage recorded (${join(env.OSS_HOME!, 'usage.json')}).\n`);
    const aside = (await readdir(env.OSS_HOME!)).filter((name) => name.startsWith('usage.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(err).toBe(`oss: ${join(env.OSS_HOME!, 'usage.json')} was unreadable or not a usage ledger; moved it to ${join(env.OSS_HOME!, aside[0]!)} and started a new ledger.\n`);
    expect(await readFile(join(env.OSS_HOME!, aside[0]!), 'utf8')).toBe('not json');
  });
});
