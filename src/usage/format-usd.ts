// Dollars as oss prints them everywhere (summary line, budget messages, status line): four decimals below a
// dollar, since single model calls cost fractions of a cent, and two from a dollar up.

export function formatUsd(usd: number): string {
  return usd >= 1 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`;
}

/** Spending set against a cap, where the last cents matter: always four decimals ($4.9995, $12.3400). */
export function formatSpentUsd(usd: number): string {
  return `$${usd.toFixed(4)}`;
}

/** A cap as the user wrote it, with at least cents: 0.5 → $0.50, 0.0005 → $0.0005, 5 → $5.00. */
export function formatCapUsd(usd: number): string {
  const text = usd.toFixed(4).replace(/0{1,2}$/, '');
  return `$${text}`;
}
