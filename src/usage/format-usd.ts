// Dollars as oss prints them everywhere (summary line, budget messages, status line): four decimals below a
// dollar, since single model calls cost fractions of a cent, and two from a dollar up.

export function formatUsd(usd: number): string {
  return usd >= 1 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`;
}
