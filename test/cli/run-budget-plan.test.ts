// Which spending caps a run gets, as `oss run --dry-run` shows them: `--max-cost` sets the run cap outright;
// otherwise each cap is the lowest set by any config layer or the prompt's frontmatter (a repository may
// tighten a cap, never loosen one); bad values fail with the file, the JSON path and an example.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../routing/temp-project.js';
import { json, oss } from '../support/oss-in-project.js';

/** The plan's budget lines. */
function budgetLines(out: string): string[] {
  return out.split('\n').filter((line) => line.includes('budget'));
}

describe('run budgets in the route plan', () => {
  it('takes the lowest cap of the user config, the project config and the prompt frontmatter, each with its source', async () => {
    const p = tempProject();
    const user = p.writeHome('.oss/config.json', json({ models: { budget: { run_usd: 0.5, daily_usd: 5 } } }));
    const project = p.write('.oss/config.json', json({ models: { budget: { run_usd: 2, daily_usd: 3 } } }));
    const prompt = p.write('.claude/commands/oss/ship.md', '---\nbudget:\n  run_usd: 0.25\n---\nShip it');

    const result = await oss(p, 'run', '/oss:ship', '--dry-run', '-m', 'ollama/llama3.2');

    expect([result.code, result.err]).toEqual([0, '']);
    expect(budgetLines(result.out)).toEqual([
      `  run budget: $0.25 (budget.run_usd in the frontmatter of ${prompt})`,
      `  daily budget: $3.00 (models.budget.daily_usd in ${project})`,
    ]);
    expect(user).toBe(join(p.ossHome, 'config.json'));
  });

  it('lets --max-cost replace the run cap, even above the config\'s', async () => {
    const p = tempProject();
    const user = p.writeHome('.oss/config.json', json({ models: { budget: { run_usd: 0.5, daily_usd: 5 } } }));

    const result = await oss(p, 'run', 'hello', '--max-cost', '2', '--dry-run', '-m', 'ollama/llama3.2');

    expect([result.code, result.err]).toEqual([0, '']);
    expect(budgetLines(result.out)).toEqual(['  run budget: $2.00 (--max-cost)', `  daily budget: $5.00 (models.budget.daily_usd in ${user})`]);
  });

  it('shows no budget line when none is set', async () => {
    const p = tempProject();
    const result = await oss(p, 'run', 'hello', '--dry-run', '-m', 'ollama/llama3.2');
    expect([result.code, budgetLines(result.out)]).toEqual([0, []]);
  });

  it('rejects --max-cost that is not dollars above 0 with an example, before anything runs', async () => {
    const p = tempProject();
    for (const value of ['0', 'abc', '-1']) {
      const result = await oss(p, 'run', 'hello', `--max-cost=${value}`, '--dry-run', '-m', 'ollama/llama3.2');
      expect([result.code, result.out, result.err]).toEqual([2, '', `oss: --max-cost ${value}: expected dollars above 0, e.g. --max-cost 0.50\n`]);
    }
  });

  it('rejects a config budget that is not dollars above 0, naming the file and the JSON path', async () => {
    const p = tempProject();
    const project = p.write('.oss/config.json', json({ models: { budget: { daily_usd: '5' } } }));
    const result = await oss(p, 'run', 'hello', '--dry-run', '-m', 'ollama/llama3.2');
    expect([result.code, result.out, result.err]).toEqual([
      2,
      '',
      `oss: ${project}: models.budget.daily_usd: expected a number of dollars above 0, e.g. 0.5, got "5"\n`,
    ]);
  });

  it('rejects a frontmatter budget that is not dollars above 0, naming the prompt file', async () => {
    const p = tempProject();
    const prompt = p.write('.claude/commands/oss/ship.md', '---\nbudget:\n  run_usd: 0\n---\nShip it');
    const result = await oss(p, 'run', '/oss:ship', '--dry-run', '-m', 'ollama/llama3.2');
    expect([result.code, result.out, result.err]).toEqual([
      2,
      '',
      `oss: ${prompt} (frontmatter): budget.run_usd: expected a number of dollars above 0, e.g. 0.5, got number 0\n`,
    ]);
  });
});
