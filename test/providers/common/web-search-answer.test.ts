import { describe, expect, it } from 'vitest';
import { uniqueResults } from '../../../src/providers/common/web-search-answer.js';

describe('uniqueResults', () => {
  it('keeps each URL once in first-seen order, drops results without a URL, and titles an untitled page with its URL', () => {
    expect(
      uniqueResults([
        { title: 'Node.js', url: 'https://nodejs.org/', pageAge: '2026-11-01' },
        { title: '', url: 'https://example.test/a' },
        { title: 'Node.js again', url: 'https://nodejs.org/' },
        { title: 'No address', url: '' },
        { title: 'B', url: 'https://example.test/b' },
      ]),
    ).toEqual([
      { title: 'Node.js', url: 'https://nodejs.org/', pageAge: '2026-11-01' },
      { title: 'https://example.test/a', url: 'https://example.test/a' },
      { title: 'B', url: 'https://example.test/b' },
    ]);
  });

  it('gives an empty list for no results', () => {
    expect(uniqueResults([])).toEqual([]);
  });
});
