// The one line `oss statusline` prints under Claude Code's prompt, from the live proxy's totals:
//   oss: gemini/gemini-2.0-flash · main 3 req 12.3k tok · background 1 req 812 tok · $0.0042 of $0.50 · 1 fallback
// Plain text (no colours), short enough for an 80-column screen in the common case of one or two routes.
import type { RunStatus } from '../../proxy/run-status.js';
import { formatCapUsd, formatUsd } from '../../usage/format-usd.js';

export function formatStatusLine(status: RunStatus): string {
  const parts = [`oss: ${status.main}`];
  if (status.routes.length === 0) parts.push('no requests yet');
  for (const route of status.routes) parts.push(`${route.route} ${route.requests} req ${compact(route.tokens)} tok`);
  const budget = status.budget;
  const unpriced = status.unpriced > 0 ? ` (${status.unpriced} unpriced)` : '';
  parts.push(`${formatUsd(status.cost_usd)}${budget?.run_usd !== undefined ? ` of ${formatCapUsd(budget.run_usd)}` : ''}${unpriced}`);
  if (budget?.daily_usd !== undefined) parts.push(`today ${formatUsd(budget.today_usd)} of ${formatCapUsd(budget.daily_usd)}`);
  if (status.fallbacks > 0) parts.push(`${status.fallbacks} fallback${status.fallbacks === 1 ? '' : 's'}`);
  if (budget?.reached) parts.push('budget reached');
  return parts.join(' · ');
}

/** 812, 12.3k, 1.2M. */
export function compact(n: number): string {
  if (n < 1000) return String(n);
  const [value, unit] = n < 1_000_000 ? [n / 1000, 'k'] : [n / 1_000_000, 'M'];
  return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))}${unit}`;
}
