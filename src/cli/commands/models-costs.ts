// `oss models costs [--since D] [--until D] [--by day|prompt|model] [--chart] [--json]`: what runs cost, from
// the usage ledger, as a table with a total row, or as bars (render/cost-chart.ts). `--json` wins over `--chart`.
//
// JSON output (stable; documented in docs/json-output.md):
// { "ledger": string, "since": string|null, "until": string|null, "by": "day"|"prompt"|"model",
//   "rows": [{ "key": string, "requests", "tokens", "input_tokens", "output_tokens", "cache_read_tokens",
//              "cache_write_tokens", "cost_usd", "fallbacks", "unpriced": number }],   // sorted by key
//   "total": { same counters } }
import type { CliIO } from '../../io.js';
import { UsageError } from '../../errors.js';
import { userConfigPath } from '../../config/paths.js';
import { ledgerPath, readLedger } from '../../usage/ledger.js';
import { usageReport, type Grouping, type ReportRow } from '../../usage/usage-report.js';
import isUnicodeSupported from 'is-unicode-supported';
import { costCell, renderCostChart } from '../render/cost-chart.js';

const HEADINGS: Record<Grouping, string> = { day: 'Day', prompt: 'Prompt', model: 'Model' };

export async function modelsCosts(opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const since = dateOption(opts.since, '--since');
  const until = dateOption(opts.until, '--until');
  const by = (opts.by ?? 'day') as Grouping;
  const ledger = await readLedger(io.env, { warn: (line) => io.stderr(`${line}\n`) });
  const report = usageReport(ledger, by, since, until);
  const path = ledgerPath(io.env);

  if (opts.json) {
    io.stdout(`${JSON.stringify({ ledger: path, since: since ?? null, until: until ?? null, by, rows: report.rows, total: report.total }, null, 2)}\n`);
    return 0;
  }
  const range = since || until ? ` from ${since ?? 'the start'} to ${until ?? 'today'}` : '';
  if (report.rows.length === 0) {
    io.stdout(`No usage recorded${range} (${path}).\n`);
    return 0;
  }
  if (opts.chart) {
    const chart = renderCostChart(report.rows, report.total, { unicode: isUnicodeSupported() });
    const lines = [`Cost by ${by}${range}`, '', ...chart];
    if (report.total.unpriced > 0) lines.push('', ...unpricedNote(report.total.unpriced, io.env, true));
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  }
  const table = [
    [HEADINGS[by], 'Requests', 'Input', 'Output', 'Cache read', 'Cache write', 'Cost (USD)', 'Fallbacks'],
    ...report.rows.map(cells),
    cells({ key: 'Total', ...report.total }),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  const render = (line: string[]) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const lines = [`Usage by ${by}${range} (${path})`, '', render(table[0]!), ...table.slice(1, -1).map(render), render(table.at(-1)!)];
  if (report.total.unpriced > 0) lines.push('', ...unpricedNote(report.total.unpriced, io.env, false));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

/** The footnote for `*`; on two lines under a chart, which keeps to 80 columns. */
function unpricedNote(unpriced: number, env: NodeJS.ProcessEnv, split: boolean): string[] {
  const one = unpriced === 1;
  const first = `* ${unpriced} request${one ? '' : 's'} had no known price and ${one ? 'counts' : 'count'} as $0;`;
  const second = `set one under "pricing" in ${userConfigPath(env)}.`;
  return split ? [first, `  ${second}`] : [`${first} ${second}`];
}

function cells(row: ReportRow): string[] {
  const count = (n: number) => n.toLocaleString('en-US');
  return [
    row.key,
    count(row.requests),
    count(row.input_tokens),
    count(row.output_tokens),
    count(row.cache_read_tokens),
    count(row.cache_write_tokens),
    costCell(row),
    count(row.fallbacks),
  ];
}

function dateOption(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`${name} ${String(value)}: expected a date as YYYY-MM-DD, e.g. ${name} 2026-01-31.`);
  }
  return value;
}
