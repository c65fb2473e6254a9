// What a recorded provider answer says, read straight from its bytes with no oss code: the text, thinking,
// tool calls, stop reason, usage or error that Claude Code should end up with. The conformance suite compares
// the proxy's output (after the official SDK accumulator) with this. It is deliberately a second, simpler
// reading of each wire format (whole strings, no streaming state), so a translator bug cannot hide in both.
// Where oss makes a documented choice, the rule is stated here as the expectation: `<think>…</think>` at the
// start of content is thinking; reasoning tokens a provider reports outside completion_tokens are output; a
// Gemini prompt blocked upstream reads as a refusal naming the reason.
import { createParser } from 'eventsource-parser';

export type ExpectedBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string }
  | { type: 'tool_use'; name: string; input: unknown };

export interface ExpectedUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

export type Expected =
  | { kind: 'message'; content: ExpectedBlock[]; stop_reason: string; usage: ExpectedUsage | 'estimated' }
  | { kind: 'error'; type: string };

/** Text, thinking and tool blocks as compared: empty blocks dropped, neighbours of one kind joined. */
export function normaliseBlocks(blocks: readonly ExpectedBlock[]): ExpectedBlock[] {
  const out: ExpectedBlock[] = [];
  for (const block of blocks) {
    if (block.type === 'text' && block.text === '') continue;
    if (block.type === 'thinking' && block.thinking === '') continue;
    const last = out[out.length - 1];
    if (block.type === 'text' && last?.type === 'text') last.text += block.text;
    else if (block.type === 'thinking' && last?.type === 'thinking') last.thinking += block.thinking;
    else out.push({ ...block });
  }
  return out;
}

/** Server-sent events of a body: [event name, data]. */
export function sseEvents(body: string): Array<{ event?: string; data: string }> {
  const events: Array<{ event?: string; data: string }> = [];
  const parser = createParser({ onEvent: (message) => events.push({ event: message.event, data: message.data }) });
  parser.feed(body);
  parser.feed('\n\n');
  return events;
}

// ---------- OpenAI Chat Completions (and the servers that copy it) ----------

interface OpenAIUsageFields {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_cache_hit_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}

function openAIUsage(usage: OpenAIUsageFields): ExpectedUsage {
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  const cached = usage.prompt_tokens_details?.cached_tokens || usage.prompt_cache_hit_tokens || 0;
  const written = usage.prompt_tokens_details?.cache_write_tokens ?? 0;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? 0;
  // xAI: total = prompt + completion + reasoning, i.e. reasoning is not inside completion_tokens.
  const reasoningOutside = reasoning > 0 && usage.total_tokens === prompt + completion + reasoning;
  return {
    input_tokens: prompt - cached - written,
    output_tokens: completion + (reasoningOutside ? reasoning : 0),
    cache_read_input_tokens: cached,
    cache_creation_input_tokens: written,
  };
}

function hasNumbers(usage: OpenAIUsageFields | null | undefined): usage is OpenAIUsageFields {
  return !!usage && (typeof usage.prompt_tokens === 'number' || typeof usage.completion_tokens === 'number');
}

/** `<think>…</think>` opening the content is the model's reasoning; the answer follows, leading blank lines dropped. */
function splitThinkTags(blocks: ExpectedBlock[]): ExpectedBlock[] {
  const first = blocks.findIndex((b) => b.type === 'text');
  const head = blocks[first];
  if (head?.type !== 'text' || !head.text.trimStart().startsWith('<think>')) return blocks;
  const body = head.text.trimStart().slice('<think>'.length);
  const close = body.indexOf('</think>');
  const parts: ExpectedBlock[] =
    close < 0
      ? [{ type: 'thinking', thinking: body }]
      : [{ type: 'thinking', thinking: body.slice(0, close) }, { type: 'text', text: body.slice(close + '</think>'.length).trimStart() }];
  return [...blocks.slice(0, first), ...parts, ...blocks.slice(first + 1)];
}

type ContentValue = string | null | undefined | Array<{ type?: string; text?: string; thinking?: string | Array<{ type?: string; text?: string }> }>;

/** Mistral sends content as parts: `{type:"text",text}` and `{type:"thinking",thinking:[{type:"text",text}]}`. */
function contentBlocks(content: ContentValue): ExpectedBlock[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) return [];
  return content.flatMap((part): ExpectedBlock[] => {
    if (part.type === 'text' && typeof part.text === 'string') return [{ type: 'text', text: part.text }];
    if (part.type === 'thinking') {
      const thinking = typeof part.thinking === 'string' ? part.thinking : (part.thinking ?? []).map((p) => p.text ?? '').join('');
      return [{ type: 'thinking', thinking }];
    }
    return [];
  });
}

function openAIStop(finish: string | null | undefined, toolCalls: number, refused: boolean): string {
  if (finish === 'length') return 'max_tokens';
  if (toolCalls > 0) return 'tool_use';
  if (finish === 'content_filter' || refused) return 'refusal';
  return 'end_turn';
}

interface ToolCallFragment {
  index?: number;
  function?: { name?: string; arguments?: string };
}

export function readOpenAIStream(body: string): Expected {
  const blocks: ExpectedBlock[] = [];
  const calls = new Map<number, { name: string; args: string; block: ExpectedBlock & { type: 'tool_use' } }>();
  let usage: ExpectedUsage | undefined;
  let finish: string | null = null;
  let done = false;
  let refused = false;
  for (const { event, data } of sseEvents(body)) {
    if (data.trim() === '[DONE]') {
      done = true;
      break;
    }
    let chunk: Record<string, unknown>;
    try {
      chunk = JSON.parse(data) as Record<string, unknown>;
    } catch {
      if (event === 'error' && finish === null) return { kind: 'error', type: 'api_error' };
      continue;
    }
    const u = (chunk.usage ?? (chunk.x_groq as { usage?: unknown } | undefined)?.usage) as OpenAIUsageFields | null | undefined;
    if (hasNumbers(u)) usage = openAIUsage(u);
    if (event === 'error' || chunk.error) {
      if (finish !== null) continue;
      return { kind: 'error', type: /rate.?limit/i.test(data) ? 'rate_limit_error' : /overload/i.test(data) ? 'overloaded_error' : 'api_error' };
    }
    const choice = (chunk.choices as Array<Record<string, unknown>> | undefined)?.[0];
    if (!choice || finish !== null) continue;
    const delta = (choice.delta ?? {}) as Record<string, unknown>;
    const reasoning = (delta.reasoning_content || delta.reasoning) as string | undefined;
    if (reasoning) blocks.push({ type: 'thinking', thinking: reasoning });
    blocks.push(...contentBlocks(delta.content as ContentValue));
    if (typeof delta.refusal === 'string' && delta.refusal) {
      refused = true;
      blocks.push({ type: 'text', text: delta.refusal });
    }
    ((delta.tool_calls ?? []) as ToolCallFragment[]).forEach((fragment, position) => {
      const index = fragment.index ?? position;
      let call = calls.get(index);
      if (!call) {
        const block = { type: 'tool_use' as const, name: '', input: {} as unknown };
        call = { name: '', args: '', block };
        calls.set(index, call);
        blocks.push(block);
      }
      if (fragment.function?.name && !call.name) call.name = fragment.function.name;
      call.args += fragment.function?.arguments ?? '';
    });
    if (choice.finish_reason) finish = choice.finish_reason as string;
  }
  if (finish === null && !done) return { kind: 'error', type: 'api_error' };
  for (const call of calls.values()) {
    call.block.name = call.name;
    call.block.input = call.args.trim() ? JSON.parse(call.args) : {};
  }
  // Tool calls come after the text and thinking streamed with them (an Anthropic tool_use block cannot be reopened).
  const ordered = [...blocks.filter((b) => b.type !== 'tool_use'), ...blocks.filter((b) => b.type === 'tool_use')];
  return { kind: 'message', content: normaliseBlocks(splitThinkTags(normaliseBlocks(ordered))), stop_reason: openAIStop(finish, calls.size, refused), usage: usage ?? 'estimated' };
}

export function readOpenAIJson(body: string): Expected {
  const response = JSON.parse(body) as { choices?: Array<{ finish_reason?: string; message?: Record<string, unknown> }>; usage?: OpenAIUsageFields };
  const choice = response.choices?.[0];
  const message = choice?.message ?? {};
  const blocks: ExpectedBlock[] = [];
  const reasoning = (message.reasoning_content || message.reasoning) as string | undefined;
  if (reasoning) blocks.push({ type: 'thinking', thinking: reasoning });
  blocks.push(...contentBlocks(message.content as ContentValue));
  const refusal = typeof message.refusal === 'string' && message.refusal ? message.refusal : undefined;
  if (refusal) blocks.push({ type: 'text', text: refusal });
  const calls = (message.tool_calls ?? []) as Array<{ function: { name: string; arguments?: string } }>;
  for (const call of calls) blocks.push({ type: 'tool_use', name: call.function.name, input: call.function.arguments?.trim() ? JSON.parse(call.function.arguments) : {} });
  return {
    kind: 'message',
    content: normaliseBlocks(splitThinkTags(normaliseBlocks(blocks))),
    stop_reason: openAIStop(choice?.finish_reason, calls.length, !!refusal),
    usage: hasNumbers(response.usage) ? openAIUsage(response.usage) : 'estimated',
  };
}

// ---------- Gemini generateContent / streamGenerateContent ----------

interface GeminiPartialArg {
  jsonPath: string;
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  nullValue?: unknown;
}
interface GeminiPartFields {
  text?: string;
  thought?: boolean;
  functionCall?: { name?: string; args?: Record<string, unknown>; partialArgs?: GeminiPartialArg[]; willContinue?: boolean };
}
interface GeminiUsageFields {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  cachedContentTokenCount?: number;
  toolUsePromptTokenCount?: number;
}
interface GeminiEvent {
  error?: { code?: number; status?: string };
  candidates?: Array<{ content?: { parts?: GeminiPartFields[] }; finishReason?: string; finishMessage?: string }>;
  usageMetadata?: GeminiUsageFields;
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
}

const GEMINI_REFUSALS = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION', 'MODEL_ARMOR']);

/** Walks `$.a.b[0].c` and sets (or, for strings, appends to) the value there. */
function setPath(root: Record<string, unknown>, arg: GeminiPartialArg): void {
  const keys = [...arg.jsonPath.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] as string)));
  let node: Record<string | number, unknown> = root;
  keys.slice(0, -1).forEach((key, i) => {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  const last = keys[keys.length - 1] as string | number;
  if (arg.stringValue !== undefined) node[last] = `${typeof node[last] === 'string' ? (node[last] as string) : ''}${arg.stringValue}`;
  else if (arg.numberValue !== undefined) node[last] = arg.numberValue;
  else if (arg.boolValue !== undefined) node[last] = arg.boolValue;
  else if ('nullValue' in arg) node[last] = null;
}

function geminiStatusType(code: number | undefined): string {
  if (code === 429) return 'rate_limit_error';
  if (code === 404) return 'not_found_error';
  if (code === 401) return 'authentication_error';
  if (code === 403) return 'permission_error';
  if (code === 503) return 'overloaded_error';
  if (code !== undefined && code >= 500) return 'api_error';
  return 'invalid_request_error';
}

export function readGeminiEvents(events: GeminiEvent[], streamed: boolean): Expected {
  const blocks: ExpectedBlock[] = [];
  let usage: GeminiUsageFields | undefined;
  let finish: { reason?: string; message?: string } | undefined;
  let blocked: { reason: string; message?: string } | undefined;
  let pending: { name: string; args: Record<string, unknown> } | undefined;
  let calls = 0;
  const emit = (name: string, args: Record<string, unknown>): void => {
    blocks.push({ type: 'tool_use', name, input: args });
    calls += 1;
  };
  const flush = (): void => {
    if (pending) emit(pending.name, pending.args);
    pending = undefined;
  };
  for (const event of events) {
    if (event.error) return { kind: 'error', type: streamed ? geminiStatusType(event.error.code) : geminiStatusType(event.error.code) };
    if (event.usageMetadata) usage = event.usageMetadata;
    if (event.promptFeedback?.blockReason) blocked = { reason: event.promptFeedback.blockReason, message: event.promptFeedback.blockReasonMessage };
    const candidate = event.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      const call = part.functionCall;
      if (call) {
        const partial = call.willContinue === true || call.partialArgs !== undefined;
        if (call.name) {
          flush();
          if (!partial) {
            emit(call.name, call.args ?? {});
            continue;
          }
          pending = { name: call.name, args: { ...(call.args ?? {}) } };
        }
        if (!pending) continue;
        for (const arg of call.partialArgs ?? []) setPath(pending.args, arg);
        if (call.willContinue !== true) flush();
      } else if (part.thought && part.text) blocks.push({ type: 'thinking', thinking: part.text });
      else if (part.text) blocks.push({ type: 'text', text: part.text });
    }
    if (candidate?.finishReason) finish = { reason: candidate.finishReason, message: candidate.finishMessage };
  }
  flush();
  if (streamed && !finish && !blocked) return { kind: 'error', type: 'api_error' };
  let stop: string;
  if (blocked) {
    const why = blocked.message ? `: ${blocked.message}` : '';
    blocks.push({ type: 'text', text: `[Gemini blocked this prompt (${blocked.reason}${why}). Rephrase it, or run it on another model.]` });
    stop = 'refusal';
  } else if (finish?.reason === 'MAX_TOKENS') stop = 'max_tokens';
  else if (calls > 0) stop = 'tool_use';
  else if (finish?.reason === undefined || finish.reason === 'STOP') stop = 'end_turn';
  else if (GEMINI_REFUSALS.has(finish.reason)) stop = 'refusal';
  else {
    blocks.push({ type: 'text', text: `[Gemini stopped without a usable answer (${finish.reason}${finish.message ? `: ${finish.message}` : ''}). Try again or rephrase.]` });
    stop = 'end_turn';
  }
  const prompt = usage?.promptTokenCount ?? 0;
  const cached = usage?.cachedContentTokenCount ?? 0;
  return {
    kind: 'message',
    content: normaliseBlocks(blocks),
    stop_reason: stop,
    usage: {
      input_tokens: prompt - cached + (usage?.toolUsePromptTokenCount ?? 0),
      output_tokens: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0),
      cache_read_input_tokens: cached,
      cache_creation_input_tokens: 0,
    },
  };
}

/** Error bodies (a non-2xx status) of either wire format → the Anthropic error type Claude Code should see. */
export function readErrorStatus(status: number): Expected {
  return { kind: 'error', type: geminiStatusType(status) };
}
