// The one line `oss run` prints on stderr when the run ends:
//   oss: /oss:ship · gemini/gemini-2.0-flash · 3 requests · 12,345 in / 678 out · $0.0042 · 1 fallback
// A run without the proxy talked to Anthropic directly, so oss saw none of its requests.
import { formatUsd } from '../usage/format-usd.js';

export interface RunTotals {
  /** The prompt as the ledger knows it: `oss:ship`, `adhoc`. */
  prompt: string;
  /** Models that answered, in first-use order. */
  models: string[];
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Some request had no price (cost counted as 0). */
  unpriced: boolean;
  fallbacks: number;
}

export function formatSummaryLine(totals: RunTotals): string {
  const parts = [
    `oss: ${totals.prompt}`,
    totals.models.length > 0 ? totals.models.join(', ') : 'no model called',
    plural(totals.requests, 'request'),
    `${count(totals.inputTokens)} in / ${count(totals.outputTokens)} out`,
    `${formatUsd(totals.costUsd)}${totals.unpriced ? ' (some requests unpriced)' : ''}`,
  ];
  if (totals.fallbacks > 0) parts.push(plural(totals.fallbacks, 'fallback'));
  return parts.join(' · ');
}

/** For a run where every route was Claude: no proxy, nothing metered. */
export function formatDirectSummaryLine(prompt: string, model: string): string {
  return `oss: ${prompt} · ${model} · direct to Anthropic (not metered by oss)`;
}

function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
