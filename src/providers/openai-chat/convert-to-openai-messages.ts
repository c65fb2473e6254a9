// Anthropic `system` + `messages` → OpenAI `messages` (wire-reference.md §7.1–7.2; edge cases 27, 32–38).
// The invariant OpenAI enforces: an assistant message with `tool_calls` is immediately followed by one
// `tool` message per call, in call order. Claude Code returns parallel results in completion order and can
// leave cancelled calls without a result, so results are paired by id and missing ones are synthesised.
import type { ToolNameMap } from '../common/tool-names.js';
import { blocksOf, type AnthropicMessageLike, type AnthropicRequestLike } from './anthropic-input.js';
import { systemBlocks, systemContent } from './convert-system.js';
import { INTERRUPTED, convertToolResult } from './convert-tool-result.js';
import { convertUserBlock } from './convert-user-content.js';
import type { OpenAIAssistantMessage, OpenAIMessage, OpenAIUserPart, ReasoningDetail } from './openai-chat-api.js';
import { decodeReasoningDetails } from './reasoning-signature.js';
import type { TargetTraits } from './target-traits.js';
import { upstreamToolCallId } from './tool-call-ids.js';

interface PendingCall {
  claudeId: string;
  upstreamId: string;
}

export interface ConvertMessagesOptions {
  traits: TargetTraits;
  toolNames: ToolNameMap;
  systemRole: 'system' | 'developer';
}

export function convertToOpenAIMessages(request: AnthropicRequestLike, options: ConvertMessagesOptions): OpenAIMessage[] {
  const { traits, systemRole } = options;
  const out: OpenAIMessage[] = [];
  const leading = systemBlocks(request.system);
  let pending: PendingCall[] = [];
  let heldSystem: OpenAIMessage[] = [];

  const answerPending = (results: Map<string, ReturnType<typeof convertToolResult>>): OpenAIUserPart[] => {
    const media: OpenAIUserPart[] = [];
    for (const call of pending) {
      const result = results.get(call.claudeId);
      out.push({ role: 'tool', tool_call_id: call.upstreamId, content: result?.text ?? INTERRUPTED });
      if (result) media.push(...result.media);
    }
    pending = [];
    out.push(...heldSystem);
    heldSystem = [];
    return media;
  };

  for (const message of request.messages) {
    if (message.role === 'system') {
      const blocks = systemBlocks(message.content);
      if (blocks.length === 0) continue;
      if (traits.leadingSystemOnly) leading.push(...blocks);
      else (pending.length > 0 ? heldSystem : out).push({ role: systemRole, content: systemContent(blocks, traits.keepsCacheControl) });
      continue;
    }
    if (message.role === 'assistant') {
      answerPending(new Map());
      const converted = convertAssistant(message, options);
      if (!converted) continue;
      out.push(converted.message);
      pending = converted.calls;
      continue;
    }
    const blocks = blocksOf(message.content);
    const results = new Map<string, ReturnType<typeof convertToolResult>>();
    for (const block of blocks) {
      if (block.type === 'tool_result' && block.tool_use_id) results.set(block.tool_use_id, convertToolResult(block, traits));
    }
    const media = answerPending(results);
    const parts = [...media, ...blocks.filter((b) => b.type !== 'tool_result').flatMap((b) => convertUserBlock(b, traits))];
    if (parts.length > 0) out.push({ role: 'user', content: userContent(parts) });
  }
  answerPending(new Map());

  if (leading.length > 0) out.unshift({ role: systemRole, content: systemContent(leading, traits.keepsCacheControl) });
  return out;
}

/** null when nothing is left to send (only thinking or server-tool blocks): the turn is dropped (edge case 38). */
function convertAssistant(message: AnthropicMessageLike, options: ConvertMessagesOptions): { message: OpenAIAssistantMessage; calls: PendingCall[] } | null {
  const { traits, toolNames } = options;
  const texts: string[] = [];
  const reasoning: string[] = [];
  const details: ReasoningDetail[] = [];
  const toolCalls: NonNullable<OpenAIAssistantMessage['tool_calls']> = [];
  const calls: PendingCall[] = [];
  for (const block of blocksOf(message.content)) {
    if (block.type === 'text' && block.text) texts.push(block.text);
    else if (block.type === 'thinking') {
      if (block.thinking) reasoning.push(block.thinking);
      details.push(...(decodeReasoningDetails(block.signature) ?? []));
    } else if (block.type === 'tool_use' && block.id && block.name) {
      const upstreamId = upstreamToolCallId(block.id, traits.mistralToolIds ? 'mistral' : 'openai');
      calls.push({ claudeId: block.id, upstreamId });
      toolCalls.push({
        id: upstreamId,
        type: 'function',
        function: { name: toolNames.toUpstream(block.name), arguments: JSON.stringify(block.input ?? {}) },
      });
    }
  }
  if (texts.length === 0 && toolCalls.length === 0) return null;
  const assistant: OpenAIAssistantMessage = { role: 'assistant', content: texts.length > 0 ? texts.join('\n\n') : null };
  if (toolCalls.length > 0) assistant.tool_calls = toolCalls;
  if (traits.replaysReasoningContent && toolCalls.length > 0) assistant.reasoning_content = reasoning.join('\n\n');
  if (traits.openRouter && details.length > 0) assistant.reasoning_details = details;
  return { message: assistant, calls };
}

/** A plain string when every part is uncached text (the form every server accepts), else the parts. */
function userContent(parts: OpenAIUserPart[]): string | OpenAIUserPart[] {
  const plain = parts.every((p) => p.type === 'text' && !('cache_control' in p && p.cache_control));
  return plain ? parts.map((p) => (p.type === 'text' ? p.text : '')).join('\n\n') : parts;
}
