// An OpenAI-compatible Chat Completions upstream (OpenAI, OpenRouter, vLLM, …) with scripted replies.
import { sseData, startScriptedUpstream, type ScriptedUpstream, type UpstreamReply, type UpstreamScript } from './scripted-upstream.js';

export type { ScriptedUpstream };

export function startOpenAIUpstream(script: UpstreamScript): Promise<ScriptedUpstream> {
  return startScriptedUpstream(script);
}

const BASE = { id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 1782955817, model: 'scripted' };

function chunk(delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...BASE, choices: [{ index: 0, delta, finish_reason: finish }], ...extra };
}

export interface UsageOptions {
  prompt?: number;
  completion?: number;
  /** OpenRouter's `usage.cost`, USD. */
  cost?: number;
}

function usageChunk(usage: UsageOptions): Record<string, unknown> {
  return {
    ...BASE,
    choices: [],
    usage: {
      prompt_tokens: usage.prompt ?? 10,
      completion_tokens: usage.completion ?? 5,
      total_tokens: (usage.prompt ?? 10) + (usage.completion ?? 5),
      ...(usage.cost !== undefined ? { cost: usage.cost } : {}),
    },
  };
}

/** A streamed text answer split into the given pieces, with usage and [DONE]. */
export function openAITextStream(pieces: string[], usage: UsageOptions = {}): UpstreamReply {
  return {
    kind: 'sse',
    chunks: sseData(
      chunk({ role: 'assistant', content: '' }),
      ...pieces.map((piece) => chunk({ content: piece })),
      chunk({}, 'stop'),
      usageChunk(usage),
      '[DONE]',
    ),
  };
}

/** A streamed tool call whose arguments arrive in fragments. */
export function openAIToolCallStream(id: string, name: string, argumentFragments: string[], usage: UsageOptions = {}): UpstreamReply {
  return {
    kind: 'sse',
    chunks: sseData(
      chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id, type: 'function', function: { name, arguments: '' } }] }),
      ...argumentFragments.map((fragment) => chunk({ tool_calls: [{ index: 0, function: { arguments: fragment } }] })),
      chunk({}, 'tool_calls'),
      usageChunk(usage),
      '[DONE]',
    ),
  };
}

/** A non-streaming text answer. */
export function openAITextMessage(text: string, usage: UsageOptions = {}): UpstreamReply {
  return {
    kind: 'json',
    body: {
      id: 'chatcmpl-scripted',
      object: 'chat.completion',
      created: 1782955817,
      model: 'scripted',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: {
        prompt_tokens: usage.prompt ?? 10,
        completion_tokens: usage.completion ?? 5,
        total_tokens: (usage.prompt ?? 10) + (usage.completion ?? 5),
        ...(usage.cost !== undefined ? { cost: usage.cost } : {}),
      },
    },
  };
}

/** An OpenAI-shaped error answer. */
export function openAIError(status: number, message: string, headers: Record<string, string> = {}, type = 'invalid_request_error', code: string | null = null): UpstreamReply {
  return { kind: 'json', status, headers, body: { error: { message, type, param: null, code } } };
}

/** The first pieces of a text stream, for a connection that is then cut. */
export function openAIStreamStart(pieces: string[]): string[] {
  return sseData(chunk({ role: 'assistant', content: '' }), ...pieces.map((piece) => chunk({ content: piece })));
}
