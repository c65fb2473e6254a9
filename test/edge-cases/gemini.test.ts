// The Gemini side of the translation edge cases (reference: edge-cases.md, one `it` per case, numbered as
// there). Each runs against the recorded fixture the case cites; judgement calls are named in the title.
import { describe, expect, it } from 'vitest';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import type { AnthropicMessageParam, AnthropicRequest } from '../../src/providers/common/anthropic-types.js';
import { decodeGeminiError } from '../../src/providers/gemini/decode-error.js';
import type { GeminiContent, GeminiRequest, GeminiResponse, GeminiSchema } from '../../src/providers/gemini/gemini-api.js';
import { GEMINI_SCHEMA_KEYS } from '../../src/providers/gemini/gemini-api.js';
import { sanitizeSchemaForGemini } from '../../src/providers/gemini/sanitize-schema.js';
import { SKIP_SIGNATURE_SENTINEL } from '../../src/providers/gemini/thought-signature.js';
import { transformToGemini } from '../../src/providers/gemini/transform-request.js';
import { transformFromGemini } from '../../src/providers/gemini/transform-response.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { expectedMessage, fixtureJson, fixtureText, geminiTarget, jsonlAsSse, translateStream, usage } from '../providers/gemini/gemini-test-kit.js';
import { itRecorded } from '../support/shared-fixtures.js';

const TOOL_ID = /^toolu_oss_[A-Za-z0-9_-]+$/;

/** An assistant turn exactly as Claude Code echoes it: the blocks of the message it received. */
function assistantTurn(message: Message): AnthropicMessageParam {
  return { role: 'assistant', content: message.content as unknown as Exclude<AnthropicMessageParam['content'], string> };
}

function sse(response: unknown): string {
  return `data: ${JSON.stringify(response)}\r\n\r\n`;
}

function toolIds(message: Message): string[] {
  return message.content.flatMap((block) => (block.type === 'tool_use' ? [block.id] : []));
}

/** Every key a sanitised schema uses, at any depth, except the property names under `properties`. */
function schemaKeys(schema: GeminiSchema, into = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(schema)) {
    into.add(key);
    if (key === 'properties') for (const inner of Object.values(value as Record<string, GeminiSchema>)) schemaKeys(inner, into);
    else if (key === 'items') schemaKeys(value as GeminiSchema, into);
    else if (key === 'anyOf') for (const inner of value as GeminiSchema[]) schemaKeys(inner, into);
  }
  return into;
}

/** The thought summaries a recorded `.jsonl` stream carries (parts with thought: true), in order, joined. */
function recordedThoughts(path: string): string {
  return fixtureText(path)
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => (JSON.parse(line) as GeminiResponse).candidates?.[0]?.content?.parts ?? [])
    .flatMap((part) => (part.thought === true && typeof part.text === 'string' ? [part.text] : []))
    .join('');
}

/** The three identical parallel calls of wire/gemini-response-parallel-function-calls.json; ids are oss-made. */
const PARALLEL_CALLS = [1, 2, 3].map(() => ({ type: 'tool_use', id: expect.stringMatching(TOOL_ID) as unknown, name: 'generate_topic', input: {} }));

describe('Gemini edge cases', () => {
  itRecorded('edge #1: Gemini\'s \\r\\n\\r\\n event framing is parsed, and cutting the recorded stream at every byte gives the identical events', async () => {
    const raw = fixtureText('wire/gemini-stream-function-call-thought-signature.sse');
    expect(raw).toContain('\r\n\r\n');
    const whole = translateStream([raw]);
    const message = await accumulateWithSdk(whole.sse);
    expect(message).toEqual(
      expectedMessage([{ type: 'tool_use', id: expect.stringMatching(TOOL_ID), name: 'get_country', input: {} }], 'tool_use', usage(29, 212)),
    );

    const bytes = new TextEncoder().encode(fixtureText('wire/gemini-stream-usage-metadata-changes.sse'));
    const reference = translateStream([bytes]).sse;
    expect(await accumulateWithSdk(reference)).toEqual(expectedMessage([{ type: 'text', text: 'The temperature in Paris is 30°C.\n' }], 'end_turn', usage(79, 12)));
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(translateStream([bytes.slice(0, cut), bytes.slice(cut)]).sse).toBe(reference);
    }
  });

  itRecorded('edge #4: a 404 answered with an SSE content type is decoded as a JSON error: not_found_error, not retryable', () => {
    const body = fixtureText('wire/gemini-error-404-model-not-found-on-stream.json');
    const error = decodeGeminiError(404, body, { 'content-type': 'text/event-stream' }, geminiTarget('custom-gemini-2.0-flash'));
    expect(error.status).toBe(404);
    expect(error.type).toBe('not_found_error');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      'gemini/custom-gemini-2.0-flash (gemini): model custom-gemini-2.0-flash not found (models/custom-gemini-2.0-flash is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.); check the model id with `oss models search`',
    );
    expect(error.toBody()).toEqual({ type: 'error', error: { type: 'not_found_error', message: error.message } });
  });

  itRecorded('edge #10: usageMetadata is a snapshot: the last chunk wins even when promptTokenCount falls (169 → 79) or jumps (55 → 257)', async () => {
    const falling = translateStream([fixtureText('wire/gemini-stream-usage-metadata-changes.sse')], { target: geminiTarget('gemini-2.0-flash') });
    expect(await accumulateWithSdk(falling.sse)).toEqual(
      expectedMessage([{ type: 'text', text: 'The temperature in Paris is 30°C.\n' }], 'end_turn', usage(79, 12), 'gemini/gemini-2.0-flash'),
    );
    const rising = translateStream([fixtureText('wire/gemini-stream-text-after-function-response.sse')]);
    expect(await accumulateWithSdk(rising.sse)).toEqual(
      expectedMessage([{ type: 'text', text: 'The capital of Mexico is Mexico City.' }], 'end_turn', usage(257, 8)),
    );
  });

  itRecorded('edge #22 (Gemini: no ids): every call gets its own toolu_ id, also the three identical parallel calls', async () => {
    const response = fixtureJson<GeminiResponse>('wire/gemini-response-parallel-function-calls.json');
    const message = await accumulateWithSdk(translateStream([sse(response)], { target: geminiTarget('gemini-3-flash-preview') }).sse);
    const calls = PARALLEL_CALLS;
    expect(message).toEqual(expectedMessage(calls, 'tool_use', usage(83, 220), 'gemini/gemini-3-flash-preview'));
    expect(new Set(toolIds(message)).size).toBe(3);
    const nonStreaming = transformFromGemini(response, geminiTarget('gemini-3-flash-preview'));
    expect(nonStreaming.content).toEqual(calls);
    expect(new Set(toolIds(nonStreaming as Message)).size).toBe(3);
  });

  itRecorded('edge #23: UNEXPECTED_TOOL_CALL to an undeclared function is passed through as a tool_use with stop_reason tool_use', async () => {
    const response = fixtureJson<GeminiResponse>('wire/vertex-response-unexpected-tool-call.json');
    const target = geminiTarget('gemini-3-flash-preview');
    const message = await accumulateWithSdk(translateStream([sse(response)], { target }).sse);
    expect(message).toEqual(
      expectedMessage([{ type: 'tool_use', id: expect.stringMatching(TOOL_ID), name: 'list_files', input: {} }], 'tool_use', usage(22, 145), target.id),
    );
    expect(transformFromGemini(response, target)).toEqual({
      id: expect.stringMatching(/^msg_oss_/),
      type: 'message',
      role: 'assistant',
      model: target.id,
      content: [{ type: 'tool_use', id: expect.stringMatching(TOOL_ID), name: 'list_files', input: {} }],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: usage(22, 145),
    });
  });

  itRecorded('edge #24: MALFORMED_FUNCTION_CALL and TOO_MANY_TOOL_CALLS end the turn (end_turn) with a text naming the reason, never an empty tool_use', async () => {
    // No recorded body exists; the finishMessage is the one wire-reference §3.4 quotes, on the usage of a recorded response.
    const recorded = fixtureJson<GeminiResponse>('wire/gemini-response-finish-max-tokens-no-parts.json');
    for (const [finishReason, finishMessage] of [['MALFORMED_FUNCTION_CALL', 'Malformed function call: print(default_api.Bash(command="ls"))'], ['TOO_MANY_TOOL_CALLS', undefined]] as const) {
      const response: GeminiResponse = { ...recorded, candidates: [{ content: { role: 'model' }, finishReason, finishMessage }] };
      const detail = finishMessage ? `: ${finishMessage}` : '';
      const note = `[Gemini stopped without a usable answer (${finishReason}${detail}). Try again or rephrase.]`;
      const message = await accumulateWithSdk(translateStream([sse(response)]).sse);
      expect(message).toEqual(expectedMessage([{ type: 'text', text: note }], 'end_turn', usage(15, 2)));
      expect(transformFromGemini(response).content).toEqual([{ type: 'text', text: note }]);
    }
  });

  itRecorded('edge #25: Vertex partialArgs are rebuilt per call from their json paths; the empty functionCall {} terminators never become tool_use blocks', async () => {
    const target = geminiTarget('gemini-3-flash-preview');
    const { sse: out } = translateStream([jsonlAsSse('wire/vertex-stream-partial-function-args-and-thoughts.jsonl')], { target });
    const message = await accumulateWithSdk(out);
    expect(message.content).toEqual([
      { type: 'thinking', thinking: recordedThoughts('wire/vertex-stream-partial-function-args-and-thoughts.jsonl'), signature: 'oss1.none' },
      { type: 'tool_use', id: expect.stringMatching(/^toolu_oss_g/), name: 'read_theme', input: {} },
      { type: 'tool_use', id: expect.stringMatching(TOOL_ID), name: 'read_screen', input: { id: 'A' } },
      { type: 'tool_use', id: expect.stringMatching(TOOL_ID), name: 'read_screen', input: { id: 'B' } },
      { type: 'tool_use', id: expect.stringMatching(TOOL_ID), name: 'read_screen', input: { id: 'C' } },
    ]);
    expect(message).toEqual(expectedMessage(message.content, 'tool_use', usage(249, 241), target.id));
  });

  itRecorded('edge #29: thoughtSignatures round-trip with no server state: a fresh translator replays each exactly where it came from', async () => {
    // 1. On a functionCall part: carried in the tool_use id, restored byte-exact on replay.
    const streamed = await accumulateWithSdk(translateStream([fixtureText('wire/gemini-stream-function-call-thought-signature.sse')]).sse);
    const recordedReplay = fixtureJson<GeminiRequest>('wire/gemini-request-function-response-roundtrip.json');
    const original = /"thoughtSignature": "([^"]+)"/.exec(fixtureText('wire/gemini-stream-function-call-thought-signature.sse'))?.[1];
    const [callId] = toolIds(streamed);
    const resumed = transformToGemini(
      {
        messages: [
          { role: 'user', content: 'What is the capital of the user country? Call the tool' },
          assistantTurn(streamed),
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: callId as string, content: 'Mexico' }] },
        ],
      },
      geminiTarget(),
    );
    expect(resumed.contents[1]).toEqual({ role: 'model', parts: [{ functionCall: { name: 'get_country', args: {} }, thoughtSignature: original }] });
    const recordedSignature = recordedReplay.contents[1]?.parts[0]?.thoughtSignature as string;
    expect(Buffer.from(original as string, 'base64').equals(Buffer.from(recordedSignature, 'base64url'))).toBe(true);
    expect(resumed.contents[2]).toEqual({ role: 'user', parts: [{ functionResponse: { name: 'get_country', response: { output: 'Mexico' } } }] });

    // 2. On a trailing empty text part: carried in a thinking block's signature, replayed as that empty part.
    const texted = await accumulateWithSdk(translateStream([jsonlAsSse('wire/gemini-stream-text-signature-on-empty-final-part.jsonl')]).sse);
    const textSignature = /"thoughtSignature":"([^"]+)"/.exec(fixtureText('wire/gemini-stream-text-signature-on-empty-final-part.jsonl'))?.[1];
    const replayed = transformToGemini({ messages: [{ role: 'user', content: 'How many rs in strawberry?' }, assistantTurn(texted), { role: 'user', content: 'thanks' }] }, geminiTarget());
    expect(replayed.contents[1]).toEqual({
      role: 'model',
      parts: [{ text: 'There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y' }, { text: '', thoughtSignature: textSignature }],
    });
  });

  itRecorded('edge #29: parallel calls replay with the signature on the first call only (none invented for the 2nd..nth), as the recorded client sends them', async () => {
    const response = fixtureJson<GeminiResponse>('wire/gemini-response-parallel-function-calls.json');
    const recorded = fixtureJson<GeminiRequest>('wire/gemini-request-parallel-function-responses.json');
    const target = geminiTarget('gemini-3-flash-preview');
    const message = await accumulateWithSdk(translateStream([sse(response)], { target }).sse);
    const ids = toolIds(message);
    const topics = ['cars', 'penguins', 'cars'];
    const body = transformToGemini(
      {
        messages: [
          { role: 'user', content: 'Tell three jokes.' },
          assistantTurn(message),
          { role: 'user', content: ids.map((id, index) => ({ type: 'tool_result' as const, tool_use_id: id, content: topics[index] as string })) },
        ],
      },
      target,
    );
    const withoutIds = (content: GeminiContent | undefined) => JSON.parse(JSON.stringify(content, (key, value: unknown) => (key === 'id' ? undefined : value))) as GeminiContent;
    const recordedModel = withoutIds(recorded.contents[1]);
    const firstSignature = recordedModel.parts[0]?.thoughtSignature as string;
    expect(body.contents[1]).toEqual({
      ...recordedModel,
      parts: recordedModel.parts.map((part, index) => (index === 0 ? { ...part, thoughtSignature: Buffer.from(firstSignature, 'base64url').toString('base64') } : part)),
    });
    const recordedResponses = withoutIds(recorded.contents[2]).parts.map((part) => ({
      functionResponse: { name: part.functionResponse?.name, response: { output: part.functionResponse?.response.return_value } },
    }));
    expect(body.contents[2]).toEqual({ role: 'user', parts: recordedResponses });
  });

  itRecorded('edge #29: on Gemini 3 another model\'s unsigned calls in the current turn get skip_thought_signature_validator on the first call only; Gemini 2.5 gets none', () => {
    const request = fixtureJson<AnthropicRequest>('wire/anthropic-request-parallel-tool-results.json');
    const gemini3 = transformToGemini(request, geminiTarget('gemini-3-pro-preview'));
    expect(gemini3.contents[1]?.parts.map((part) => part.thoughtSignature)).toEqual([undefined, SKIP_SIGNATURE_SENTINEL, undefined, undefined, undefined]);
    const gemini25 = transformToGemini(request, geminiTarget('gemini-2.5-flash'));
    expect(gemini25.contents[1]?.parts.map((part) => part.thoughtSignature)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  itRecorded('edge #30: redacted_thinking is never sent to Gemini, and Gemini thought:true summaries become thinking blocks, not answer text', async () => {
    const redacted = await accumulateWithSdk(fixtureText('wire/anthropic-stream-redacted-thinking.sse'));
    expect(redacted.content.filter((block) => block.type === 'redacted_thinking')).toHaveLength(2);
    const body = transformToGemini({ messages: [{ role: 'user', content: 'hi' }, assistantTurn(redacted), { role: 'user', content: 'go on' }] }, geminiTarget());
    const answer = redacted.content.flatMap((block) => (block.type === 'text' ? [{ text: block.text }] : []));
    expect(body.contents[1]).toEqual({ role: 'model', parts: answer });

    const target = geminiTarget('gemini-3-flash-preview');
    const thoughts = await accumulateWithSdk(translateStream([jsonlAsSse('wire/vertex-stream-partial-function-args-and-thoughts.jsonl')], { target }).sse);
    const thinking = recordedThoughts('wire/vertex-stream-partial-function-args-and-thoughts.jsonl');
    expect(thinking.startsWith("**Processing User Requests**\n\nI've started by understanding")).toBe(true);
    expect(thoughts.content[0]).toEqual({ type: 'thinking', thinking, signature: 'oss1.none' });
    expect(thoughts.content.map((block) => block.type)).toEqual(['thinking', 'tool_use', 'tool_use', 'tool_use', 'tool_use']);
  });

  itRecorded('edge #31 (Gemini side): enabled thinking → thinkingBudget, adaptive without effort → dynamic, with includeThoughts; dropped silently for a model that cannot think', () => {
    const enabled = fixtureJson<AnthropicRequest>('wire/anthropic-request-thinking-enabled.json');
    expect(transformToGemini(enabled, geminiTarget('gemini-2.5-flash')).generationConfig).toEqual({
      maxOutputTokens: 4096,
      thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 },
    });
    const adaptive = fixtureJson<{ request_default: AnthropicRequest }>('claude-code/claude-code-request-real-tool-schemas.json').request_default;
    expect(transformToGemini({ ...adaptive, output_config: {} }, geminiTarget('gemini-2.5-pro')).generationConfig?.thinkingConfig).toEqual({ includeThoughts: true, thinkingBudget: -1 });
    const noThinking = geminiTarget('gemma-3-27b-it', { capabilities: {} });
    expect(transformToGemini(enabled, noThinking).generationConfig).toEqual({ maxOutputTokens: 4096 });
  });

  itRecorded('edge #33 (Gemini side): a role:"system" message inside messages is appended to systemInstruction, never sent as a turn', () => {
    const request = fixtureJson<AnthropicRequest>('wire/anthropic-request-system-role-inside-messages.json');
    const inline = request.messages.find((message) => message.role === 'system');
    const body = transformToGemini(request, geminiTarget());
    expect(body.contents.every((content) => content.role === 'user' || content.role === 'model')).toBe(true);
    expect(body.contents).toHaveLength(request.messages.length - 1);
    const inlineText = typeof inline?.content === 'string' ? inline.content : inline?.content.map((block) => block.text).join('\n\n');
    expect(inlineText).toBe('From now on, every suggestion must include explicit type annotations.');
    expect(body.systemInstruction).toEqual({ parts: [{ text: `You are a code reviewer.\n\n${inlineText}` }] });
  });

  itRecorded('edge #35 (Gemini side): tool_result strings → {output}, is_error → {error}, block content joined, tool_reference → text, images → inlineData in the same user turn', () => {
    const errors = fixtureJson<Record<string, unknown>>('claude-code/tool-result-errors.json');
    const interrupted = errors['tool_input_only_in_content_block_start (no input_json_delta)'] as AnthropicMessageParam[];
    const body = transformToGemini({ messages: [{ role: 'user', content: 'run it' }, ...interrupted] });
    expect(body.contents[2]).toEqual({
      role: 'user',
      parts: [{ functionResponse: { name: 'Bash', response: { error: '<tool_use_error>InputValidationError: Bash failed due to the following issue:\nThe required parameter `command` is missing</tool_use_error>' } } }],
    });

    const toolSearch = fixtureJson<{ request_2_messages_from_index_2: AnthropicMessageParam[] }>('claude-code/toolsearch-tool-reference.json');
    const searched = transformToGemini({ messages: [{ role: 'user', content: 'list crons' }, ...toolSearch.request_2_messages_from_index_2] });
    expect(searched.contents[2]).toEqual({
      role: 'user',
      parts: [{ functionResponse: { name: 'ToolSearch', response: { output: 'Tool loaded: CronList' } } }, { text: 'Tool loaded.' }],
    });

    const parallel = fixtureJson<AnthropicRequest>('wire/anthropic-request-parallel-tool-results.json');
    const [first] = parallel.messages[2]?.content as Array<{ tool_use_id: string }>;
    const withImage: AnthropicMessageParam = {
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: first?.tool_use_id as string,
          content: [{ type: 'text', text: 'screenshot:' }, { type: 'text', text: 'see image' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }],
        },
      ],
    };
    const imaged = transformToGemini({ ...parallel, messages: [...parallel.messages.slice(0, 2), withImage] });
    // The other three calls of that turn got no result here, so each gets the synthesised interruption error.
    const interruptedCall = { functionResponse: { name: 'retrieve_entity_info', response: { error: 'No result: the tool call was interrupted before it finished.' } } };
    expect(imaged.contents[2]).toEqual({
      role: 'user',
      parts: [
        { functionResponse: { name: 'retrieve_entity_info', response: { output: 'screenshot:\nsee image' } } },
        interruptedCall,
        interruptedCall,
        interruptedCall,
        { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
      ],
    });
  });

  itRecorded('edge #36 (Gemini side): functionResponse takes its name from the matching tool_use, and results sent in completion order go back in call order in one user turn', () => {
    const request = fixtureJson<AnthropicRequest>('wire/anthropic-request-parallel-tool-results.json');
    const results = request.messages[2]?.content as Array<{ tool_use_id: string; content: string }>;
    // Claude Code returns parallel results in completion order: reverse the recorded (call-order) list.
    const completionOrder = { ...request, messages: [...request.messages.slice(0, 2), { role: 'user' as const, content: [...results].reverse() as never }] };
    const body = transformToGemini(completionOrder, geminiTarget('gemini-2.5-flash'));
    expect(body.contents).toHaveLength(3);
    expect(body.contents[2]).toEqual({
      role: 'user',
      parts: results.map((result) => ({ functionResponse: { name: 'retrieve_entity_info', response: { output: result.content } } })),
    });
  });

  itRecorded('edge #36 (Gemini side): a call without a result (cancelled) gets a synthesised error response; a result whose call is not in the previous turn becomes text', () => {
    const request = fixtureJson<AnthropicRequest>('wire/anthropic-request-parallel-tool-results.json');
    const results = request.messages[2]?.content as Array<{ tool_use_id: string; content: string }>;
    const stray = { type: 'tool_result' as const, tool_use_id: 'toolu_unknown', content: 'late output' };
    const body = transformToGemini({ ...request, messages: [...request.messages.slice(0, 2), { role: 'user', content: [...results.slice(1), stray] as never }] });
    expect(body.contents[2]?.parts).toEqual([
      { functionResponse: { name: 'retrieve_entity_info', response: { error: 'No result: the tool call was interrupted before it finished.' } } },
      ...results.slice(1).map((result) => ({ functionResponse: { name: 'retrieve_entity_info', response: { output: result.content } } })),
      { text: 'Tool result for toolu_unknown:\nlate output' },
    ]);
  });

  it('edge #37 (Gemini merge): consecutive same-role turns are merged into one content, and a turn left empty is dropped', () => {
    const capture = fixtureJson<{ request_2_messages_from_index_2: AnthropicMessageParam[] }>('claude-code/tool-loop-write-thinking-second-request.json');
    const [assistant, toolResults] = capture.request_2_messages_from_index_2;
    const body = transformToGemini({
      messages: [
        { role: 'user', content: 'write the file' },
        { role: 'assistant', content: [{ type: 'thinking', thinking: 'only thoughts', signature: 'bW9jay1zaWduYXR1cmU=' }] },
        assistant as AnthropicMessageParam,
        toolResults as AnthropicMessageParam,
        { role: 'user', content: 'and another thing' },
      ],
    });
    expect(body.contents.map((content) => content.role)).toEqual(['user', 'model', 'user']);
    expect(body.contents[1]?.parts).toEqual([
      { text: 'I will write the file now.' },
      { functionCall: { name: 'Write', args: { file_path: '<project>/probe-out.txt', content: 'hello from the mock\n' } } },
    ]);
    expect(body.contents[2]).toEqual({
      role: 'user',
      parts: [
        {
          functionResponse: {
            name: 'Write',
            response: { output: 'File created successfully at: <project>/probe-out.txt (file state is current in your context — no need to Read it back)' },
          },
        },
        { text: 'and another thing' },
      ],
    });
  });

  itRecorded('edge #44: tools go out as parametersJsonSchema exactly as the recorded accepted request ($schema, additionalProperties kept)', () => {
    const recorded = fixtureJson<GeminiRequest>('wire/gemini-request-parametersJsonSchema-with-dollar-schema.json');
    const declaration = recorded.tools?.[0]?.functionDeclarations[0];
    const body = transformToGemini({
      messages: [{ role: 'user', content: 'put word: hello and word: world into a string' }],
      tools: [{ name: 'concatStringFunction', description: declaration?.description, input_schema: declaration?.parametersJsonSchema as never }],
      tool_choice: { type: 'tool', name: 'concatStringFunction' },
    });
    expect(body.tools).toEqual(recorded.tools);
    expect(body.toolConfig).toEqual(recorded.toolConfig);
    expect(body.contents).toEqual(recorded.contents);
  });

  itRecorded('edge #44: the parameters fallback removes every keyword in the recorded 400s, recursively (type arrays → nullable, int enums → strings, uri format → description, arrays get items)', () => {
    const rejections = fixtureText('wire/gemini-error-400-schema-rejections.txt');
    const named = [...rejections.matchAll(/Unknown name \\?"([^"\\]+)\\?"/g)].map((match) => match[1]);
    expect(new Set(named)).toEqual(new Set(['$schema', 'additionalProperties', 'const', 'exclusiveMinimum', 'type', 'propertyNames', 'multipleOf', 'values', 'id']));
    const formatError = fixtureJson<{ error: { message: string } }>('wire/gemini-error-400-schema-string-format.json');
    expect(formatError.error.message).toContain("only 'enum' and 'date-time' are supported for STRING type");

    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      additionalProperties: false,
      $defs: { link: { type: 'object', properties: { url: { type: 'string', format: 'uri' } }, additionalProperties: false } },
      properties: {
        mode: { const: 'fast' },
        count: { type: 'integer', exclusiveMinimum: 0, multipleOf: 2 },
        tags: { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, properties: { a: { type: 'string' } } },
        note: { type: ['string', 'null'] },
        level: { type: 'integer', enum: [1, 2] },
        kind: { type: 'enum', values: ['a'] } as Record<string, unknown>,
        list: { type: 'array' },
        links: { type: 'array', items: { anyOf: [{ $ref: '#/$defs/link' }, { type: 'string', additionalProperties: false }] } },
        choice: { oneOf: [{ type: 'string' }, { type: 'null' }] },
      },
      required: ['mode', 'missing'],
    };
    expect(sanitizeSchemaForGemini(schema)).toEqual({
      type: 'OBJECT',
      properties: {
        mode: { type: 'STRING', enum: ['fast'] },
        count: { type: 'INTEGER', minimum: 1 },
        tags: { type: 'OBJECT', properties: { a: { type: 'STRING' } } },
        note: { type: 'STRING', nullable: true },
        level: { type: 'STRING', enum: ['1', '2'] },
        kind: {},
        list: { type: 'ARRAY', items: { type: 'STRING' } },
        links: {
          type: 'ARRAY',
          items: { anyOf: [{ type: 'OBJECT', properties: { url: { type: 'STRING', description: '(format: uri)' } } }, { type: 'STRING' }] },
        },
        choice: { type: 'STRING', nullable: true },
      },
      required: ['mode'],
    });
  });

  it('edge #44: sanitising every tool schema Claude Code 2.1.332 really sends yields only keys Gemini\'s parameters accepts, at every depth', () => {
    const real = fixtureJson<{ request_default: AnthropicRequest; tools_all_inline: Array<{ name: string; input_schema: unknown }> }>(
      'claude-code/claude-code-request-real-tool-schemas.json',
    );
    const tools = [...real.tools_all_inline, ...((real.request_default.tools ?? []) as Array<{ name: string; input_schema: unknown }>)];
    const raw = JSON.stringify(tools.map((tool) => tool.input_schema));
    for (const keyword of ['$schema', 'additionalProperties', 'exclusiveMinimum', 'allOf', '"format":"uri"']) expect(raw).toContain(keyword);
    const allowed = new Set<string>(GEMINI_SCHEMA_KEYS);
    for (const tool of tools) {
      const sanitised = sanitizeSchemaForGemini(tool.input_schema);
      if (sanitised === undefined) {
        expect(['CronList', 'DeferredToolPlaceholder']).toContain(tool.name);
        continue;
      }
      const keys = [...schemaKeys(sanitised)];
      expect(keys.filter((key) => !allowed.has(key)), tool.name).toEqual([]);
    }
  });

  itRecorded('edge #51: empty outputs never crash: MAX_TOKENS without parts → content [] + max_tokens; SAFETY with content {} → content [] + refusal (chosen: no invented text); a blocked prompt → refusal with one line naming the reason', async () => {
    const maxTokens = fixtureJson<GeminiResponse>('wire/gemini-response-finish-max-tokens-no-parts.json');
    const safety = fixtureJson<GeminiResponse>('wire/gemini-response-finish-safety.json');
    const blocked: GeminiResponse = { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: safety.usageMetadata };
    const blockedNote = [{ type: 'text', text: '[Gemini blocked this prompt (PROHIBITED_CONTENT). Rephrase it, or run it on another model.]' }];
    const cases: Array<[GeminiResponse, unknown[], string, Record<string, number>]> = [
      [maxTokens, [], 'max_tokens', usage(15, 2)],
      [safety, [], 'refusal', usage(14, 0)],
      [blocked, blockedNote, 'refusal', usage(14, 0)],
    ];
    for (const [response, content, stopReason, expectedUsage] of cases) {
      expect(await accumulateWithSdk(translateStream([sse(response)]).sse)).toEqual(expectedMessage(content, stopReason, expectedUsage));
      const message = transformFromGemini(response, geminiTarget());
      expect([message.content, message.stop_reason, message.usage]).toEqual([content, stopReason, expectedUsage]);
    }
  });

  itRecorded('edge #57 (Gemini side): input_tokens = promptTokenCount − cachedContentTokenCount, cache reads reported apart, output = candidates + thoughts', async () => {
    const response = fixtureJson<GeminiResponse>('wire/gemini-response-parallel-function-calls.json');
    expect(transformFromGemini(response).usage).toEqual(usage(83, 220));
    // The recorded usage with an implicit-cache hit added (no recorded Gemini body carries cachedContentTokenCount).
    const cached: GeminiResponse = { ...response, usageMetadata: { ...response.usageMetadata, cachedContentTokenCount: 64 } };
    expect(transformFromGemini(cached).usage).toEqual(usage(19, 220, 64));
    const message = await accumulateWithSdk(translateStream([sse(cached)]).sse);
    expect(message).toEqual(expectedMessage(PARALLEL_CALLS, 'tool_use', usage(19, 220, 64)));
  });
});
