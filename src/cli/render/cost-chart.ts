// `oss models costs --chart`: one horizontal bar per row of the costs table (day, prompt or model), scaled to
// the largest cost, with the table's own dollar figures at the end, in at most 80 columns. Unicode block
// characters give eighth-of-a-cell resolution; a terminal that cannot show them gets `#` bars instead. A row
// that cost anything gets at least the thinnest bar, so a small cost never looks like none.
import type { ReportRow } from '../../usage/usage-report.js';

export const CHART_WIDTH = 80;
const MAX_LABEL = 28;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export interface ChartOptions {
  unicode: boolean;
}

/** The table's cost cell: four decimals, `*` when some request had no price. */
export function costCell(row: Pick<ReportRow, 'cost_usd' | 'unpriced'>): string {
  return `$${row.cost_usd.toFixed(4)}${row.unpriced > 0 ? '*' : ' '}`;
}

export function renderCostChart(rows: ReportRow[], total: Omit<ReportRow, 'key'>, options: ChartOptions): string[] {
  const labelWidth = Math.min(MAX_LABEL, Math.max('Total'.length, ...rows.map((row) => row.key.length)));
  const costs = [...rows.map(costCell), costCell(total)];
  const costWidth = Math.max(...costs.map((cost) => cost.length));
  const barWidth = CHART_WIDTH - labelWidth - 2 - 1 - costWidth;
  const max = Math.max(0, ...rows.map((row) => row.cost_usd));
  const line = (label: string, bar: string, cost: string) =>
    `${fit(label, labelWidth, options.unicode)}  ${bar.padEnd(barWidth)} ${cost.padStart(costWidth)}`.trimEnd();
  return [
    ...rows.map((row, index) => line(row.key, bar(max > 0 ? row.cost_usd / max : 0, barWidth, options.unicode), costs[index]!)),
    line('Total', '', costs.at(-1)!),
  ];
}

/** A bar `fraction` of `width` cells long. */
function bar(fraction: number, width: number, unicode: boolean): string {
  if (fraction <= 0) return '';
  if (!unicode) return '#'.repeat(Math.max(1, Math.round(fraction * width)));
  const eighths = Math.max(1, Math.round(fraction * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** The label padded or cut to the width, a cut marked with an ellipsis (`~` in ASCII). */
function fit(label: string, width: number, unicode: boolean): string {
  if (label.length <= width) return label.padEnd(width);
  return `${label.slice(0, width - 1)}${unicode ? '…' : '~'}`;
}
