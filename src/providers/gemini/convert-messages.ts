// Anthropic `messages` → Gemini `contents` (wire-reference.md §7.1–7.2; edge cases 33, 35–37, 29).
// - role "system" messages are lifted out (the caller appends them to systemInstruction);
// - only `user` and `model` turns, consecutive same-role turns merged, empty turns dropped;
// - tool_use → functionCall with its thoughtSignature recovered from the tool_use id;
// - the tool_results answering one model turn become one functionResponse per call, in the order of the calls
//   (Claude Code sends them in completion order), with a synthesised error response for a call that has no
//   result and plain text for a result whose call is not in the preceding model turn;
// - thinking blocks: text dropped, Gemini signatures carried in their `signature` put back where they came from;
// - on Gemini 3, a model turn of the current exchange whose first call has no signature (history made by another
//   model) gets the documented sentinel instead.
import type { AnthropicMessageParam } from '../common/anthropic-types.js';
import type { ToolNameMap } from '../common/tool-names.js';
import type { GeminiContent, GeminiPart, GeminiRole } from './gemini-api.js';
import { SKIP_SIGNATURE_SENTINEL, decodeTextSignature, signatureFromToolUseId } from './thought-signature.js';
import { toolResultContent, userBlockParts } from './convert-user-content.js';

/** A part plus what the pairing pass needs to know about it (stripped before sending). */
interface TaggedPart {
  part: GeminiPart;
  /** On a functionCall part: the tool_use id. */
  callId?: string;
  /** On a functionResponse part: the tool_use id it answers, and its text should it become an orphan. */
  answers?: string;
  fallbackText?: string;
}

interface Turn {
  role: GeminiRole;
  parts: TaggedPart[];
}

export interface ConvertedMessages {
  contents: GeminiContent[];
  /** Texts of role "system" messages, in order. */
  systemTexts: string[];
}

export interface ConvertMessagesOptions {
  toolNames: ToolNameMap;
  /** Gemini 3+: the current turn's first function call must carry a signature. */
  requireSignatures: boolean;
}

const INTERRUPTED = 'No result: the tool call was interrupted before it finished.';

export function convertMessages(messages: readonly AnthropicMessageParam[], options: ConvertMessagesOptions): ConvertedMessages {
  const callNames = collectCallNames(messages, options.toolNames);
  const systemTexts: string[] = [];
  const turns: Turn[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      const text = typeof message.content === 'string' ? message.content : message.content.map((block) => block.text).join('\n\n');
      if (text) systemTexts.push(text);
      continue;
    }
    const parts = message.role === 'assistant' ? assistantParts(message.content, options.toolNames) : userParts(message.content, callNames);
    if (parts.length === 0) continue;
    const last = turns[turns.length - 1];
    const role: GeminiRole = message.role === 'assistant' ? 'model' : 'user';
    if (last?.role === role) last.parts.push(...parts);
    else turns.push({ role, parts });
  }
  pairFunctionResponses(turns, callNames);
  if (options.requireSignatures) signCurrentTurn(turns);
  return { contents: turns.map((turn) => ({ role: turn.role, parts: turn.parts.map((tagged) => tagged.part) })), systemTexts };
}

/** tool_use id → upstream function name, for every call in the history. */
function collectCallNames(messages: readonly AnthropicMessageParam[], toolNames: ToolNameMap): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    if (message.role !== 'assistant' || typeof message.content === 'string') continue;
    for (const block of message.content) if (block.type === 'tool_use') names.set(block.id, toolNames.toUpstream(block.name));
  }
  return names;
}

function assistantParts(content: AnthropicMessageParam['content'], toolNames: ToolNameMap): TaggedPart[] {
  if (typeof content === 'string') return content ? [{ part: { text: content } }] : [];
  const parts: TaggedPart[] = [];
  let signatureForNextText: string | undefined;
  for (const block of content) {
    if (block.type === 'text') {
      if (!block.text && !signatureForNextText) continue;
      const part: GeminiPart = { text: block.text };
      if (signatureForNextText) part.thoughtSignature = signatureForNextText;
      signatureForNextText = undefined;
      parts.push({ part });
    } else if (block.type === 'thinking') {
      const decoded = decodeTextSignature(block.signature);
      if (decoded?.kind === 'part') parts.push({ part: { text: '', thoughtSignature: decoded.signature } });
      else if (decoded?.kind === 'text') signatureForNextText = decoded.signature;
    } else if (block.type === 'tool_use') {
      const part: GeminiPart = { functionCall: { name: toolNames.toUpstream(block.name), args: asArgs(block.input) } };
      const signature = signatureFromToolUseId(block.id);
      if (signature) part.thoughtSignature = signature;
      parts.push({ part, callId: block.id });
    }
    // redacted_thinking, server tool blocks and unknown types mean nothing to Gemini: dropped.
  }
  if (signatureForNextText) parts.push({ part: { text: '', thoughtSignature: signatureForNextText } });
  return parts;
}

function userParts(content: AnthropicMessageParam['content'], callNames: Map<string, string>): TaggedPart[] {
  if (typeof content === 'string') return content ? [{ part: { text: content } }] : [];
  const responses: TaggedPart[] = [];
  const attachments: TaggedPart[] = [];
  const others: TaggedPart[] = [];
  for (const block of content) {
    if (block.type !== 'tool_result') {
      others.push(...userBlockParts(block).map((part) => ({ part })));
      continue;
    }
    const result = toolResultContent(block.content);
    const name = callNames.get(block.tool_use_id) ?? '';
    const response = block.is_error ? { error: result.text } : { output: result.text };
    responses.push({
      part: { functionResponse: { name, response } },
      answers: block.tool_use_id,
      fallbackText: `Tool result${block.is_error ? ' (error)' : ''} for ${block.tool_use_id}:\n${result.text}`,
    });
    attachments.push(...result.attachments.map((part) => ({ part })));
  }
  return [...responses, ...attachments, ...others];
}

/**
 * The user turn after a model turn with calls gets exactly one functionResponse per call, in call order, before
 * anything else; responses to calls that are not in the preceding model turn become text.
 */
function pairFunctionResponses(turns: Turn[], callNames: Map<string, string>): void {
  turns.forEach((turn, index) => {
    if (turn.role !== 'user') return;
    const previous = turns[index - 1];
    const calls = previous?.role === 'model' ? previous.parts.filter((tagged) => tagged.callId !== undefined) : [];
    const responses = new Map(turn.parts.filter((tagged) => tagged.answers !== undefined).map((tagged) => [tagged.answers, tagged]));
    const ordered: TaggedPart[] = calls.map((call) => {
      const id = call.callId as string;
      const found = responses.get(id);
      responses.delete(id);
      return found ?? { part: { functionResponse: { name: callNames.get(id) ?? '', response: { error: INTERRUPTED } } }, answers: id };
    });
    const orphans: TaggedPart[] = [...responses.values()].map((tagged) => ({ part: { text: tagged.fallbackText ?? '' } }));
    turn.parts = [...ordered, ...orphans, ...turn.parts.filter((tagged) => tagged.answers === undefined)];
  });
}

/**
 * Gemini 3 validates signatures from the last plain user message on: each model turn there must carry one on its
 * first functionCall. Turns that never had one (another model's) get the documented sentinel.
 */
function signCurrentTurn(turns: Turn[]): void {
  let start = 0;
  turns.forEach((turn, index) => {
    if (turn.role === 'user' && !turn.parts.some((tagged) => tagged.part.functionResponse)) start = index;
  });
  for (const turn of turns.slice(start)) {
    if (turn.role !== 'model') continue;
    const firstCall = turn.parts.find((tagged) => tagged.part.functionCall);
    if (firstCall && !firstCall.part.thoughtSignature) firstCall.part.thoughtSignature = SKIP_SIGNATURE_SENTINEL;
  }
}

function asArgs(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}
