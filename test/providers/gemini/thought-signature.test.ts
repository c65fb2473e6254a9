import { describe, expect, it, vi } from 'vitest';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { isSyntheticSignature } from '../../../src/providers/common/anthropic-stream-writer.js';
import type { AnthropicMessageParam } from '../../../src/providers/common/anthropic-types.js';
import {
  decodeTextSignature,
  encodeTextSignature,
  signatureFromToolUseId,
  toolUseIdFor,
} from '../../../src/providers/gemini/thought-signature.js';
import { accumulateWithSdk } from '../../support/sdk-accumulate.js';
import { fixtureJson, geminiTarget, translateStream } from './gemini-test-kit.js';

// Shaped like a real one (standard base64 with '+', '/' and '=' padding, ~100 bytes), written for this test.
const SIGNATURE = Buffer.from('oss test signature: an opaque blob Gemini wants back exactly as it sent it, with bytes \u00ff\u00fe\u00fd'.repeat(2), 'latin1').toString('base64');

describe('thoughtSignature encoding', () => {
  it('puts a functionCall signature in a tool_use id made only of the characters Anthropic allows in ids', () => {
    const id = toolUseIdFor(SIGNATURE);
    expect(id).toMatch(/^toolu_oss_g[A-Za-z0-9]{12}_[A-Za-z0-9_-]+$/);
    expect(signatureFromToolUseId(id)).toBe(SIGNATURE);
  });

  it('gives a call without a signature a plain id that decodes to no signature', () => {
    const id = toolUseIdFor(undefined);
    expect(id).toMatch(/^toolu_oss_[A-Za-z0-9]{24}$/);
    expect(signatureFromToolUseId(id)).toBeUndefined();
    expect(signatureFromToolUseId('toolu_01EEe2V5HD1Ac4rKiUR4HD2T')).toBeUndefined();
  });

  it('marks text signatures as made by oss, so Claude pass-through strips those thinking blocks', () => {
    const encoded = encodeTextSignature(SIGNATURE, 'part');
    expect(isSyntheticSignature(encoded)).toBe(true);
    expect(decodeTextSignature(encoded)).toEqual({ kind: 'part', signature: SIGNATURE });
    expect(decodeTextSignature(encodeTextSignature(SIGNATURE, 'text'))).toEqual({ kind: 'text', signature: SIGNATURE });
    expect(decodeTextSignature('oss1.none')).toBeUndefined();
    expect(decodeTextSignature('EqUCCqICAb4')).toBeUndefined();
  });
});

describe('claude --resume against a fresh proxy', () => {
  it('restores every signature of a turn (thought, text and call) from the transcript alone, in a freshly loaded translator', async () => {
    const thought = 'AAECAwQFBgcICQ==';
    const onText = 'CgsMDQ4PEBESEw==';
    const chunk = {
      candidates: [
        {
          content: {
            role: 'model',
            parts: [
              { text: 'Planning the edit.', thought: true, thoughtSignature: thought },
              { text: 'I will run it.', thoughtSignature: onText },
              { functionCall: { name: 'Bash', args: { command: 'ls' } }, thoughtSignature: SIGNATURE },
              { functionCall: { name: 'Bash', args: { command: 'pwd' } } },
            ],
          },
          finishReason: 'STOP',
        },
      ],
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5 },
    };
    const message = await accumulateWithSdk(translateStream([`data: ${JSON.stringify(chunk)}\r\n\r\n`]).sse);
    // The thought keeps its own signature; the text part's signature needs a (second, empty) thinking block of its own.
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'thinking', 'text', 'tool_use', 'tool_use']);

    // The transcript on disk is JSON; the resumed session replays it to a proxy that never saw the stream.
    const transcript = JSON.stringify(message);
    vi.resetModules();
    const { transformToGemini } = await import('../../../src/providers/gemini/transform-request.js');
    const resumed = JSON.parse(transcript) as Message;
    const [first, second] = resumed.content.filter((block) => block.type === 'tool_use');
    const body = transformToGemini(
      {
        messages: [
          { role: 'user', content: 'list files' },
          { role: 'assistant', content: resumed.content as unknown as Exclude<AnthropicMessageParam['content'], string> },
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: second?.id as string, content: '/work' },
              { type: 'tool_result', tool_use_id: first?.id as string, content: 'a.txt' },
            ],
          },
        ],
      },
      geminiTarget('gemini-3-pro-preview'),
    );
    expect(body.contents[1]).toEqual({
      role: 'model',
      parts: [
        { text: '', thoughtSignature: thought },
        { text: 'I will run it.', thoughtSignature: onText },
        { functionCall: { name: 'Bash', args: { command: 'ls' } }, thoughtSignature: SIGNATURE },
        { functionCall: { name: 'Bash', args: { command: 'pwd' } } },
      ],
    });
    expect(body.contents[2]).toEqual({
      role: 'user',
      parts: [
        { functionResponse: { name: 'Bash', response: { output: 'a.txt' } } },
        { functionResponse: { name: 'Bash', response: { output: '/work' } } },
      ],
    });
  });

  it('drops thinking blocks Anthropic or another model signed: their text and signature mean nothing to Gemini', () => {
    return import('../../../src/providers/gemini/transform-request.js').then(({ transformToGemini }) => {
      const body = transformToGemini({
        messages: [
          { role: 'user', content: 'hi' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'secret', signature: 'bW9jay1zaWduYXR1cmU=' },
              { type: 'thinking', thinking: 'made up', signature: 'oss1.none' },
              { type: 'text', text: 'hello' },
            ],
          },
        ],
      });
      expect(body.contents[1]).toEqual({ role: 'model', parts: [{ text: 'hello' }] });
    });
  });
});

describe('the real Claude Code echoes what carries the signatures', () => {
  it('sends back a 1,491-character signature-carrying tool_use id and an empty oss-signed thinking block verbatim, and they replay to the original bytes', () => {
    const capture = fixtureJson<{ request_2_messages_from_index_1: AnthropicMessageParam[] }>('claude-code/claude-code-echoes-gemini-signature-ids.json');
    const [assistant, toolResult] = capture.request_2_messages_from_index_1;
    const bytes = Buffer.from(Array.from({ length: 1100 }, (_, index) => index % 256));
    return import('../../../src/providers/gemini/transform-request.js').then(({ transformToGemini }) => {
      const body = transformToGemini({ messages: [{ role: 'user', content: 'run echo hi' }, assistant as AnthropicMessageParam, toolResult as AnthropicMessageParam] }, geminiTarget());
      expect(body.contents[1]).toEqual({
        role: 'model',
        parts: [
          { text: '', thoughtSignature: Buffer.from('sigbytes').toString('base64') },
          { functionCall: { name: 'Bash', args: { command: 'echo hi' } }, thoughtSignature: bytes.toString('base64') },
        ],
      });
      expect(body.contents[2]?.parts[0]?.functionResponse?.name).toBe('Bash');
    });
  });
});

