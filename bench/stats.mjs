// Summaries of timing samples: percentiles by nearest rank, rounded for printing.

/** The p-th percentile (0–100) of `samples` by nearest rank; NaN for no samples. */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

/** Median, p95, min and max of samples in milliseconds, rounded to 0.01 ms. */
export function summarize(samples) {
  return {
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
  };
}

export function round(value, digits = 2) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Milliseconds since `start` (a performance.now() reading). */
export function since(start) {
  return performance.now() - start;
}
