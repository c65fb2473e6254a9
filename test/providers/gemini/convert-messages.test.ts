import { describe, expect, it } from 'vitest';
import type { AnthropicMessageParam } from '../../../src/providers/common/anthropic-types.js';
import { GEMINI_TOOL_NAMES, buildToolNameMap } from '../../../src/providers/common/tool-names.js';
import { convertMessages } from '../../../src/providers/gemini/convert-messages.js';

/** A tool_use id as oss makes it for a call Gemini signed: the signature `c2lnbmF0dXJl` in base64url after the random part. */
const SIGNED_ID = 'toolu_oss_gAbCdEfGhIjKl_c2lnbmF0dXJl';
const INTERRUPTED = { error: 'No result: the tool call was interrupted before it finished.' };

type Content = Exclude<AnthropicMessageParam['content'], string>;
const user = (content: string | Content): AnthropicMessageParam => ({ role: 'user', content });
const assistant = (content: string | Content): AnthropicMessageParam => ({ role: 'assistant', content });
const call = (id: string, name = 'Read', input: unknown = { file_path: `/${id}` }) => ({ type: 'tool_use' as const, id, name, input });
const result = (tool_use_id: string, content: string, is_error?: boolean) => ({ type: 'tool_result' as const, tool_use_id, content, ...(is_error ? { is_error } : {}) });

function convert(messages: AnthropicMessageParam[], requireSignatures = false) {
  const names = new Set(messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.flatMap((b) => (b.type === 'tool_use' ? [b.name] : [])))));
  return convertMessages(messages, { toolNames: buildToolNameMap(names, GEMINI_TOOL_NAMES), requireSignatures });
}

describe('convertMessages', () => {
  it('lifts role "system" messages out of the turns, joining block text, and drops empty ones', () => {
    const system = (content: unknown) => ({ role: 'system', content }) as unknown as AnthropicMessageParam;
    expect(convert([system('Be brief.'), user('hi'), system([{ type: 'text', text: 'One.' }, { type: 'text', text: 'Two.' }]), system('')])).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
      systemTexts: ['Be brief.', 'One.\n\nTwo.'],
    });
  });

  it('merges consecutive same-role turns and drops turns that carry nothing for Gemini', () => {
    const onlyThinking = assistant([{ type: 'thinking', thinking: 'hidden', signature: 'Anthropic-signature' }]);
    expect(convert([user('one'), user(''), user('two'), onlyThinking, assistant('answer'), assistant(''), user('three')]).contents).toEqual([
      { role: 'user', parts: [{ text: 'one' }, { text: 'two' }] },
      { role: 'model', parts: [{ text: 'answer' }] },
      { role: 'user', parts: [{ text: 'three' }] },
    ]);
  });

  it('turns tool_use into functionCall with its signature recovered from the id, and a non-object input into empty args', () => {
    const contents = convert([user('go'), assistant([{ type: 'text', text: 'Reading.' }, call(SIGNED_ID), call('toolu_plain', 'Bash', 'not an object')])]).contents;
    expect(contents[1]).toEqual({
      role: 'model',
      parts: [
        { text: 'Reading.' },
        { functionCall: { name: 'Read', args: { file_path: `/${SIGNED_ID}` } }, thoughtSignature: 'c2lnbmF0dXJl' },
        { functionCall: { name: 'Bash', args: {} } },
      ],
    });
  });

  it('puts Gemini signatures carried in thinking blocks back where they came from, and drops thinking text and redacted_thinking', () => {
    const contents = convert([
      user('q'),
      assistant([
        { type: 'thinking', thinking: 'dropped', signature: 'oss1.gemini.part.PARTSIG' },
        { type: 'redacted_thinking', data: 'EmwK' },
        { type: 'thinking', thinking: '', signature: 'oss1.gemini.text.TEXTSIG' },
        { type: 'text', text: 'Answer.' },
        { type: 'thinking', thinking: '', signature: 'oss1.gemini.text.LASTSIG' },
      ]),
    ]).contents;
    expect(contents[1]).toEqual({
      role: 'model',
      parts: [{ text: '', thoughtSignature: 'PARTSIG' }, { text: 'Answer.', thoughtSignature: 'TEXTSIG' }, { text: '', thoughtSignature: 'LASTSIG' }],
    });
  });

  it('answers each call of the model turn once, in call order, whatever order the results came in; is_error becomes {error}', () => {
    const contents = convert([
      user('go'),
      assistant([call('toolu_a'), call('toolu_b', 'Bash'), call('toolu_c')]),
      user([result('toolu_c', 'C'), result('toolu_b', 'exit 1', true), result('toolu_a', 'A')]),
    ]).contents;
    expect(contents[2]).toEqual({
      role: 'user',
      parts: [
        { functionResponse: { name: 'Read', response: { output: 'A' } } },
        { functionResponse: { name: 'Bash', response: { error: 'exit 1' } } },
        { functionResponse: { name: 'Read', response: { output: 'C' } } },
      ],
    });
  });

  it('synthesises an interrupted error for a call without a result and sends a result for an unknown call as text', () => {
    const contents = convert([
      user('go'),
      assistant([call('toolu_a'), call('toolu_b')]),
      user([result('toolu_b', 'B'), result('toolu_gone', 'late', true)]),
    ]).contents;
    expect(contents[2]).toEqual({
      role: 'user',
      parts: [
        { functionResponse: { name: 'Read', response: INTERRUPTED } },
        { functionResponse: { name: 'Read', response: { output: 'B' } } },
        { text: 'Tool result (error) for toolu_gone:\nlate' },
      ],
    });
  });

  it('puts the responses first, then their images, then the rest of the user turn', () => {
    const image = { type: 'image' as const, source: { type: 'base64' as const, media_type: 'image/png' as const, data: 'AAAA' } };
    const contents = convert([
      user('go'),
      assistant([call('toolu_a', 'Screenshot', {})]),
      user([{ type: 'text', text: 'and then?' }, { type: 'tool_result', tool_use_id: 'toolu_a', content: [{ type: 'text', text: 'shot' }, image] }]),
    ]).contents;
    expect(contents[2]).toEqual({
      role: 'user',
      parts: [{ functionResponse: { name: 'Screenshot', response: { output: 'shot' } } }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }, { text: 'and then?' }],
    });
  });

  it('sends a function name shortened for Gemini in both the call and its response', () => {
    const longName = `mcp__${'x'.repeat(130)}__run`;
    const { contents } = convert([user('go'), assistant([call('toolu_a', longName, {})]), user([result('toolu_a', 'ok')])]);
    const upstream = contents[1]?.parts[0]?.functionCall?.name as string;
    expect([upstream.length, contents[2]]).toEqual([128, { role: 'user', parts: [{ functionResponse: { name: upstream, response: { output: 'ok' } } }] }]);
  });

  it('on Gemini 3, signs the first unsigned call of each model turn of the current exchange only, with the documented sentinel', () => {
    const messages = [
      user('earlier question'),
      assistant([call('toolu_old')]),
      user([result('toolu_old', 'old')]),
      assistant('Earlier answer.'),
      user('current question'),
      assistant([call('toolu_1'), call('toolu_2')]),
      user([result('toolu_1', 'one'), result('toolu_2', 'two')]),
      assistant([call(SIGNED_ID), call('toolu_3')]),
      user([result(SIGNED_ID, 'signed'), result('toolu_3', 'three')]),
    ];
    const signatures = (requireSignatures: boolean) =>
      convert(messages, requireSignatures).contents.filter((content) => content.role === 'model').map((content) => content.parts.map((part) => part.thoughtSignature));
    expect(signatures(true)).toEqual([[undefined], [undefined], ['skip_thought_signature_validator', undefined], ['c2lnbmF0dXJl', undefined]]);
    expect(signatures(false)).toEqual([[undefined], [undefined], [undefined, undefined], ['c2lnbmF0dXJl', undefined]]);
  });
});
