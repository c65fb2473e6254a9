// The status line's words for each state of a run: nothing yet, several routes (agents by name), fallbacks,
// requests without a price, a cap reached; token counts shortened so the line fits the screen.
import { describe, expect, it } from 'vitest';
import { compact, formatStatusLine } from '../../src/cli/render/status-line.js';
import type { RunStatus } from '../../src/proxy/run-status.js';

const BASE: RunStatus = { main: 'gemini/gemini-2.0-flash', requests: 0, cost_usd: 0, unpriced: 0, fallbacks: 0, routes: [] };

describe('the status line', () => {
  it('says no requests yet before the first answer', () => {
    expect(formatStatusLine(BASE)).toBe('oss: gemini/gemini-2.0-flash · no requests yet · $0.0000');
  });

  it('lists each route in first-use order, then dollars, fallbacks and a reached cap', () => {
    const status: RunStatus = {
      ...BASE,
      requests: 6,
      cost_usd: 1.2345,
      fallbacks: 2,
      routes: [
        { route: 'main', requests: 4, tokens: 123_456 },
        { route: 'code-reviewer', requests: 2, tokens: 999 },
      ],
      budget: { run_usd: 1, today_usd: 1.2345, reached: true },
    };
    expect(formatStatusLine(status)).toBe(
      'oss: gemini/gemini-2.0-flash · main 4 req 123k tok · code-reviewer 2 req 999 tok · $1.23 of $1.00 · 2 fallbacks · budget reached',
    );
  });

  it('marks requests it could not price, and shows one fallback in the singular', () => {
    const status: RunStatus = { ...BASE, requests: 1, unpriced: 1, fallbacks: 1, routes: [{ route: 'main', requests: 1, tokens: 20_000 }] };
    expect(formatStatusLine(status)).toBe('oss: gemini/gemini-2.0-flash · main 1 req 20k tok · $0.0000 (1 unpriced) · 1 fallback');
  });

  it('shortens token counts: 999, 1.2k, 12.3k, 123k, 1.5M', () => {
    expect([999, 1234, 12_345, 123_456, 1_500_000].map(compact)).toEqual(['999', '1.2k', '12.3k', '123k', '1.5M']);
  });
});
