import { describe, expect, it } from 'vitest';
import { geminiWebSearchAnswer, geminiWebSearchBody } from '../../../src/providers/gemini/web-search.js';
import { geminiTarget } from './gemini-test-kit.js';

const SYSTEM = 'You run a web search for another model, which is waiting on the result. Search once, then reply with a brief summary of what the results say.';

describe('geminiWebSearchBody', () => {
  it('asks for one grounded answer with the google_search tool, at most 4096 output tokens', () => {
    expect(geminiWebSearchBody('node 20 end of life', geminiTarget('gemini-2.5-flash'))).toEqual({
      systemInstruction: { parts: [{ text: SYSTEM }] },
      contents: [{ role: 'user', parts: [{ text: 'node 20 end of life' }] }],
      tools: [{ google_search: {} }],
      generationConfig: { maxOutputTokens: 4096 },
    });
  });

  it("keeps within a smaller output limit of the target's", () => {
    expect(geminiWebSearchBody('q', geminiTarget('gemini-2.0-flash-lite', { maxOutputTokens: 2048 })).generationConfig).toEqual({ maxOutputTokens: 2048 });
  });
});

describe('geminiWebSearchAnswer', () => {
  it('reads the summary from the non-thought text parts and the pages from the grounding chunks, each URL once', () => {
    const response = {
      candidates: [
        {
          content: { role: 'model', parts: [{ text: 'Searching…', thought: true }, { text: 'Node 20 ends ' }, { text: 'in April 2026.' }, { functionCall: { name: 'x' } }] },
          finishReason: 'STOP',
          groundingMetadata: {
            groundingChunks: [
              { web: { uri: 'https://nodejs.org/en/about/previous-releases', title: 'nodejs.org' } },
              { web: { uri: 'https://endoflife.date/nodejs' } },
              { web: { uri: 'https://nodejs.org/en/about/previous-releases', title: 'again' } },
              { retrievedContext: { uri: 'gs://bucket/doc' } },
            ],
          },
        },
      ],
      usageMetadata: { promptTokenCount: 30, candidatesTokenCount: 12, toolUsePromptTokenCount: 400 },
    };
    expect(geminiWebSearchAnswer(response)).toEqual({
      text: 'Node 20 ends in April 2026.',
      results: [
        { title: 'nodejs.org', url: 'https://nodejs.org/en/about/previous-releases' },
        { title: 'https://endoflife.date/nodejs', url: 'https://endoflife.date/nodejs' },
      ],
      usage: { input_tokens: 430, output_tokens: 12, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
  });

  it('gives an empty answer, not a crash, for a response without candidates or a body at all', () => {
    const empty = { text: '', results: [], usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } };
    expect([geminiWebSearchAnswer({ promptFeedback: { blockReason: 'OTHER' } }), geminiWebSearchAnswer(undefined)]).toEqual([empty, empty]);
  });
});
