// A non-streaming OpenAI chat.completion → an Anthropic message (edge cases 20, 22, 26, 52, 57–59). Content may
// be a string or Mistral's array of text/thinking parts; `<think>…</think>` opening it is thinking (think-tags.ts).
// Ids: the upstream's `chatcmpl-…`/`gen-…` id and its `call_…` tool ids are not shown to Claude Code; the
// message gets a fresh `msg_…` id and every tool call a fresh `toolu_…` id (tool-call-ids.ts explains why
// none need to be remembered). `model` is the oss model id Claude Code asked for.
import { newMessageId, newToolUseId, syntheticSignature } from '../common/anthropic-stream-writer.js';
import { parseJsonObject } from '../common/json-repair.js';
import type { TargetModel } from '../common/target.js';
import type { TranslatedContentBlock, TranslatedMessage } from '../common/translated-message.js';
import { OPENAI_TOOL_NAMES, buildToolNameMap, type ToolNameMap } from '../common/tool-names.js';
import { ZERO_USAGE, type TranslatedUsage } from '../common/upstream-usage.js';
import { convertOpenAIUsage, hasUsage } from './convert-usage.js';
import { decodeOpenAIError } from './decode-error.js';
import { mapFinishReason, matchedStopOf } from './map-finish-reason.js';
import type { OpenAIResponse } from './openai-chat-api.js';
import { encodeReasoningDetails } from './reasoning-signature.js';
import { reasoningTextOf } from './reasoning-text.js';
import { defaultTarget } from './target-traits.js';
import { contentPieces } from './content-parts.js';
import { splitThinkTags } from './think-tags.js';

export type { TranslatedContentBlock, TranslatedMessage };

export interface FromOpenAIOptions {
  toolNames?: ToolNameMap;
  /** Reported as usage when the server sent none (edge case 8). */
  inputTokenEstimate?: number;
  /** Read `<think>…</think>` opening the content as thinking (default true). */
  thinkTags?: boolean;
}

/** The message, plus the usage for the ledger (with the provider's own cost when it gave one). */
export function transformFromOpenAIWithUsage(
  response: OpenAIResponse,
  target?: TargetModel,
  options: FromOpenAIOptions = {},
): { message: TranslatedMessage; usage: TranslatedUsage } {
  const resolved = target ?? defaultTarget(response.model ?? 'unknown');
  const choice = response.choices?.[0];
  if (!choice && response.error) throw decodeOpenAIError(502, JSON.stringify({ error: response.error }), {}, resolved);
  const toolNames = options.toolNames ?? buildToolNameMap([], OPENAI_TOOL_NAMES);
  const message = choice?.message ?? {};
  const content: TranslatedContentBlock[] = [];

  const reasoning = reasoningTextOf(message);
  const details = message.reasoning_details ?? [];
  if (reasoning || details.length > 0) {
    content.push({ type: 'thinking', thinking: reasoning, signature: details.length > 0 ? encodeReasoningDetails(details) : syntheticSignature() });
  }
  const pieces = contentPieces(message.content);
  for (const piece of options.thinkTags === false ? pieces : splitThinkTags(pieces)) {
    const last = content[content.length - 1];
    if (piece.kind === 'text') {
      if (last?.type === 'text') last.text += piece.text;
      else content.push({ type: 'text', text: piece.text });
    } else if (last?.type === 'thinking') last.thinking += piece.text;
    else content.push({ type: 'thinking', thinking: piece.text, signature: syntheticSignature() });
  }
  if (message.refusal) content.push({ type: 'text', text: message.refusal });

  let toolUses = 0;
  for (const call of message.tool_calls ?? []) {
    const name = call.function?.name;
    if (!name) continue;
    const args = call.function?.arguments ?? '';
    const input = parseJsonObject(args);
    content.push({ type: 'tool_use', id: newToolUseId(), name: toolNames.fromUpstream(name), input: input ?? {} });
    toolUses += 1;
    if (!input) content.push({ type: 'text', text: malformedArgumentsNote(name, args, 'were replaced by {}') });
  }

  const matchedStop = matchedStopOf(choice?.stop_reason);
  const stopReason = mapFinishReason(choice?.finish_reason, { toolUses, refused: !!message.refusal, matchedStop });
  // The ledger gets only the provider's own figures (the proxy estimates when there are none); Claude Code's
  // message still shows the input estimate rather than a zero.
  const usage: TranslatedUsage = hasUsage(response.usage) ? convertOpenAIUsage(response.usage) : { ...ZERO_USAGE };
  const { provider_cost_usd: _cost, ...reported } = usage;
  const messageUsage = hasUsage(response.usage) ? reported : { ...reported, input_tokens: options.inputTokenEstimate ?? 0 };
  return {
    message: {
      id: newMessageId(),
      type: 'message',
      role: 'assistant',
      model: resolved.id,
      content,
      stop_reason: stopReason,
      stop_sequence: stopReason === 'stop_sequence' ? (matchedStop ?? null) : null,
      usage: messageUsage,
    },
    usage,
  };
}

/** Said to the model and the user when a call's arguments cannot be read (edge case 19). */
export function malformedArgumentsNote(name: string, args: string, handled: string): string {
  const shown = args.length > 200 ? `${args.slice(0, 200)}…` : args;
  return `[oss: the arguments for ${name} were not valid JSON and ${handled}: ${shown}]`;
}
