// The Gemini-side edge cases (reference/edge-cases.md) on fixtures written for this project
// (test/fixtures/ours/gemini/, see ours/README.md), so a clone without ../shared still tests every case.
// The recorded variants in gemini.test.ts add real provider bytes when ../shared is present.
import { describe, expect, it } from 'vitest';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import type { AnthropicMessageParam, AnthropicRequest } from '../../src/providers/common/anthropic-types.js';
import { decodeGeminiError } from '../../src/providers/gemini/decode-error.js';
import type { GeminiResponse } from '../../src/providers/gemini/gemini-api.js';
import { transformToGemini } from '../../src/providers/gemini/transform-request.js';
import { transformFromGemini } from '../../src/providers/gemini/transform-response.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { ownFixtureText } from '../support/shared-fixtures.js';
import { expectedMessage, geminiTarget, translateStream, usage } from '../providers/gemini/gemini-test-kit.js';

const TOOL_ID = expect.stringMatching(/^toolu_oss_[A-Za-z0-9_-]+$/) as unknown;
const ours = (name: string): string => ownFixtureText(`gemini/${name}`);
const oursJson = (name: string): GeminiResponse => JSON.parse(ours(name)) as GeminiResponse;
const sse = (response: unknown): string => `data: ${JSON.stringify(response)}\r\n\r\n`;
const jsonlAsSse = (jsonl: string): string => jsonl.split('\n').filter((line) => line.trim()).map((line) => `data: ${line}\r\n\r\n`).join('');
const assistantTurn = (message: Message): AnthropicMessageParam => ({ role: 'assistant', content: message.content as unknown as Exclude<AnthropicMessageParam['content'], string> });
const signatureIn = (name: string, nth = 0): string => [...ours(name).matchAll(/"thoughtSignature":"([^"]+)"/g)][nth]?.[1] as string;

describe('Gemini edge cases (our fixtures)', () => {
  it('edge #04: a 404 answered with an SSE content type is decoded as a JSON error: not_found_error, not retryable, naming the model', () => {
    const error = decodeGeminiError(404, ours('error-404-on-stream.json'), { 'content-type': 'text/event-stream' }, geminiTarget('gemini-nope'));
    expect([error.status, error.type, error.retryable, error.message]).toEqual([
      404,
      'not_found_error',
      false,
      'gemini/gemini-nope (gemini): model gemini-nope not found (models/gemini-nope is not found for API version v1beta, or is not supported for generateContent.); check the model id with `oss models search`',
    ]);
  });

  it('edge #10: usageMetadata is a snapshot: the last chunk wins even when promptTokenCount falls (120 → 80)', async () => {
    const run = translateStream([ours('usage-snapshots.sse')]);
    expect(run.usage).toEqual({ input_tokens: 80, output_tokens: 5, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 });
    expect(await accumulateWithSdk(run.sse)).toEqual(expectedMessage([{ type: 'text', text: 'Paris is the capital.' }], 'end_turn', usage(80, 5)));
  });

  it('edge #23: UNEXPECTED_TOOL_CALL to an undeclared function is passed through as a tool_use with stop_reason tool_use', async () => {
    const response = oursJson('unexpected-tool-call.json');
    const expected = [{ type: 'tool_use', id: TOOL_ID, name: 'list_files', input: { dir: '.' } }];
    expect(await accumulateWithSdk(translateStream([sse(response)]).sse)).toEqual(expectedMessage(expected, 'tool_use', usage(30, 8)));
    expect(transformFromGemini(response, geminiTarget()).content).toEqual(expected);
  });

  it('edge #24: MALFORMED_FUNCTION_CALL ends the turn (end_turn) with a text naming the reason, never an empty tool_use', async () => {
    const note = [{ type: 'text', text: '[Gemini stopped without a usable answer (MALFORMED_FUNCTION_CALL: Malformed function call: print(x). Try again or rephrase.]' }];
    expect(await accumulateWithSdk(translateStream([sse(oursJson('malformed-function-call.json'))]).sse)).toEqual(expectedMessage(note, 'end_turn', usage(30, 0)));
  });

  it('edge #25/#30: Vertex partialArgs are rebuilt per call from their json paths (strings continued, numbers, booleans, null); the empty functionCall terminators never become tool_use; thought summaries become thinking', async () => {
    const target = geminiTarget('gemini-3-flash-preview');
    const message = await accumulateWithSdk(translateStream([jsonlAsSse(ours('partial-args-with-thoughts.jsonl'))], { target }).sse);
    expect(message).toEqual(
      expectedMessage(
        [
          { type: 'thinking', thinking: '**Planning**\n\nTwo cities, two calls.', signature: 'oss1.none' },
          { type: 'tool_use', id: TOOL_ID, name: 'get_weather', input: { place: { city: 'São Paulo' }, days: [1], metric: true } },
          { type: 'tool_use', id: TOOL_ID, name: 'get_weather', input: { place: { city: 'Lima' }, metric: null } },
        ],
        'tool_use',
        usage(40, 70),
        'gemini/gemini-3-flash-preview',
      ),
    );
  });

  it('edge #29: thoughtSignatures round-trip with no server state: on the first of two parallel calls only (none invented for the second), and on an empty final text part', async () => {
    const calls = await accumulateWithSdk(translateStream([ours('signed-parallel-calls.sse')]).sse);
    const ids = calls.content.flatMap((block) => (block.type === 'tool_use' ? [block.id] : []));
    expect(ids).toHaveLength(2);
    const resumed = transformToGemini(
      {
        messages: [
          { role: 'user', content: 'What time is it in UTC and CET?' },
          assistantTurn(calls),
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: ids[1] as string, content: '13:00' }, { type: 'tool_result', tool_use_id: ids[0] as string, content: '12:00' }] },
        ],
      },
      geminiTarget(),
    );
    expect(resumed.contents.slice(1)).toEqual([
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'get_time', args: { tz: 'UTC' } }, thoughtSignature: signatureIn('signed-parallel-calls.sse') },
          { functionCall: { name: 'get_time', args: { tz: 'CET' } } },
        ],
      },
      { role: 'user', parts: [{ functionResponse: { name: 'get_time', response: { output: '12:00' } } }, { functionResponse: { name: 'get_time', response: { output: '13:00' } } }] },
    ]);

    const texted = await accumulateWithSdk(translateStream([ours('text-signature-on-empty-final-part.sse')]).sse);
    const replayed = transformToGemini({ messages: [{ role: 'user', content: 'Time?' }, assistantTurn(texted), { role: 'user', content: 'thanks' }] }, geminiTarget());
    expect(replayed.contents[1]).toEqual({ role: 'model', parts: [{ text: 'It is noon.' }, { text: '', thoughtSignature: signatureIn('text-signature-on-empty-final-part.sse') }] });
  });

  it('edge #30: redacted_thinking is never sent to Gemini', () => {
    const body = transformToGemini(
      {
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: [{ type: 'redacted_thinking', data: 'EmwKAhgBEgy…' } as never, { type: 'text', text: 'Hello.' }] },
          { role: 'user', content: 'go on' },
        ],
      },
      geminiTarget(),
    );
    expect(body.contents[1]).toEqual({ role: 'model', parts: [{ text: 'Hello.' }] });
  });

  it('edge #31 (Gemini side): enabled thinking → thinkingBudget, adaptive → dynamic (-1), with includeThoughts; dropped silently for a model that cannot think', () => {
    const enabled: AnthropicRequest = { model: 'x', max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'Think.' }] } as AnthropicRequest;
    expect(transformToGemini(enabled, geminiTarget('gemini-2.5-flash')).generationConfig).toEqual({ maxOutputTokens: 4096, thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } });
    const adaptive = { ...enabled, thinking: { type: 'adaptive' } } as AnthropicRequest;
    expect(transformToGemini(adaptive, geminiTarget('gemini-2.5-pro')).generationConfig?.thinkingConfig).toEqual({ includeThoughts: true, thinkingBudget: -1 });
    expect(transformToGemini(enabled, geminiTarget('gemma-3-27b-it', { capabilities: {} })).generationConfig).toEqual({ maxOutputTokens: 4096 });
  });

  it('edge #33 (Gemini side): a role:"system" message inside messages is appended to systemInstruction, never sent as a turn', () => {
    const body = transformToGemini(
      {
        system: 'You review code.',
        messages: [{ role: 'user', content: 'Review a.py.' }, { role: 'assistant', content: 'Fine.' }, { role: 'user', content: 'Again.' }, { role: 'system', content: 'Always suggest type hints.' } as never],
      },
      geminiTarget(),
    );
    expect(body.systemInstruction).toEqual({ parts: [{ text: 'You review code.\n\nAlways suggest type hints.' }] });
    expect(body.contents.map((content) => content.role)).toEqual(['user', 'model', 'user']);
  });

  it('edge #36 (Gemini side): functionResponse takes its name from the matching tool_use; results in completion order go back in call order; a missing one is synthesised; a stray one becomes text', () => {
    const body = transformToGemini(
      {
        messages: [
          { role: 'user', content: 'Look up three people.' },
          { role: 'assistant', content: ['toolu_a', 'toolu_b', 'toolu_c'].map((id, n) => ({ type: 'tool_use' as const, id, name: n === 2 ? 'lookup_pet' : 'lookup', input: { n } })) },
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: 'toolu_c', content: 'rex' },
              { type: 'tool_result', tool_use_id: 'toolu_elsewhere', content: 'late output' },
              { type: 'tool_result', tool_use_id: 'toolu_a', content: 'alice' },
            ],
          },
        ],
      },
      geminiTarget('gemini-2.5-flash'),
    );
    expect(body.contents[2]).toEqual({
      role: 'user',
      parts: [
        { functionResponse: { name: 'lookup', response: { output: 'alice' } } },
        { functionResponse: { name: 'lookup', response: { error: 'No result: the tool call was interrupted before it finished.' } } },
        { functionResponse: { name: 'lookup_pet', response: { output: 'rex' } } },
        { text: 'Tool result for toolu_elsewhere:\nlate output' },
      ],
    });
  });

  it('edge #51: empty outputs never crash: MAX_TOKENS without parts → [] + max_tokens; SAFETY with content {} → [] + refusal; a blocked prompt → refusal naming the reason and Gemini\'s words', async () => {
    const blocked = [{ type: 'text', text: '[Gemini blocked this prompt (MODEL_ARMOR: The prompt matched a jailbreak filter.). Rephrase it, or run it on another model.]' }];
    const cases: Array<[string, unknown[], string, Record<string, number>]> = [
      ['max-tokens-no-parts.json', [], 'max_tokens', usage(15, 2)],
      ['safety-empty-content.json', [], 'refusal', usage(14, 0)],
      ['prompt-blocked.json', blocked, 'refusal', usage(9, 0)],
    ];
    for (const [file, content, stopReason, expectedUsage] of cases) {
      const response = oursJson(file);
      expect(await accumulateWithSdk(translateStream([sse(response)]).sse), file).toEqual(expectedMessage(content, stopReason, expectedUsage));
      const message = transformFromGemini(response, geminiTarget());
      expect([message.content, message.stop_reason, message.usage], file).toEqual([content, stopReason, expectedUsage]);
    }
  });

  it('edge #57 (Gemini side): input_tokens = promptTokenCount − cachedContentTokenCount, cache reads reported apart, output = candidates + thoughts', () => {
    expect(transformFromGemini(oursJson('cached-usage.json')).usage).toEqual(usage(100, 43, 900));
  });
});
