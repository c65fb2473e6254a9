// Claude Code's JSON-answer calls (prompt hooks, memory selection, write_likely…) carry
// `output_config.format`. Claude Code parses the answer's text as JSON and treats anything else as no decision,
// so a blocking prompt hook whose model answered in prose, or in a ```json fence, lets the action through
// (measured with Claude Code 2.1.332). For a translated route this wrapper therefore: asks the provider for the
// whole answer (the translators pass the schema on in the provider's own form), takes the JSON out of it, checks
// it against the schema, asks once more with the problem when it does not match, and gives Claude Code one text
// block holding only the JSON. An answer that calls a tool is passed on untouched. A provider that refuses the
// structured form itself (a 400 naming response_format or the schema) is asked again with the schema in the
// prompt only.
import type { AnthropicRequest } from '../providers/common/anthropic-types.js';
import type { AnthropicStreamWriter } from '../providers/common/anthropic-stream-writer.js';
import { extractJsonAnswer } from '../providers/common/extract-json-answer.js';
import { requestedOutputFormat, schemaInstruction, schemaRetryPrompt, withSystemText, type JsonSchema } from '../providers/common/output-format.js';
import type { AdapterCall, OpenedUpstream, ProviderAdapter } from '../providers/common/provider-adapter.js';
import { ProviderError } from '../providers/common/provider-error.js';
import { schemaProblem } from '../providers/common/schema-validator.js';
import { dropOptionalNulls } from '../providers/common/strict-json-schema.js';
import type { TranslatedContentBlock, TranslatedMessage } from '../providers/common/translated-message.js';
import type { TranslatedUsage } from '../providers/common/upstream-usage.js';

interface Answer {
  message: TranslatedMessage;
  usage: TranslatedUsage;
}

interface Checked {
  /** What Claude Code receives. */
  content: TranslatedContentBlock[];
  /** Why the answer does not fit the schema; undefined when it does (or when it called a tool). */
  problem?: string;
  /** The answer's text as the model gave it, for the retry turn. */
  said: string;
  /** The answer held a JSON value (right or wrong). */
  json: boolean;
}

export function withStructuredOutput(adapter: ProviderAdapter): ProviderAdapter {
  return (call) => {
    const format = requestedOutputFormat(call.request);
    return format ? answerWithSchema(adapter, call, format.schema) : adapter(call);
  };
}

async function answerWithSchema(adapter: ProviderAdapter, call: AdapterCall, schema: JsonSchema): Promise<OpenedUpstream> {
  let request: AnthropicRequest = { ...call.request, stream: false };
  let first: Answer;
  try {
    first = await ask(adapter, call, request);
  } catch (error) {
    if (!refusesStructuredForm(error)) throw error;
    request = promptOnly(request, schema);
    first = await ask(adapter, call, request);
  }
  let checked = await check(first.message, schema);
  let { message, usage } = first;
  if (checked.problem !== undefined) {
    const retry: AnthropicRequest = {
      ...request,
      messages: [...request.messages, { role: 'assistant', content: checked.said || '(no answer)' }, { role: 'user', content: schemaRetryPrompt(checked.problem) }],
    };
    const second = await askAgain(adapter, call, retry);
    if (second) {
      const secondChecked = await check(second.message, schema);
      usage = addUsage(usage, second.usage);
      // The second answer is kept unless it is worse: no JSON at all where the first had some.
      if (secondChecked.problem === undefined || secondChecked.json || !checked.json) {
        checked = secondChecked;
        message = second.message;
      }
    }
  }
  const { provider_cost_usd: _cost, ...messageUsage } = usage;
  return replay({ ...message, content: checked.content, usage: messageUsage }, usage);
}

/** A 400/422 that names the structured form: the target does not take it, though it may still answer in JSON. */
function refusesStructuredForm(error: unknown): boolean {
  return (
    error instanceof ProviderError &&
    (error.status === 400 || error.status === 422) &&
    /response_format|json_schema|json_object|responseJsonSchema|responseSchema|responseMimeType|structured output/i.test(error.message)
  );
}

/** The request without its format (effort stays), the schema given as an instruction instead. */
function promptOnly(request: AnthropicRequest, schema: JsonSchema): AnthropicRequest {
  const { format: _format, ...config } = request.output_config ?? {};
  return withSystemText({ ...request, output_config: config }, schemaInstruction(schema));
}

async function ask(adapter: ProviderAdapter, call: AdapterCall, request: AnthropicRequest): Promise<Answer> {
  const opened = await adapter({ ...call, request, stream: false });
  const { message, usage } = await opened.message();
  return { message: message as TranslatedMessage, usage };
}

/** The retry's answer; undefined when the provider failed it (the first answer then stands), unless Claude Code left. */
async function askAgain(adapter: ProviderAdapter, call: AdapterCall, request: AnthropicRequest): Promise<Answer | undefined> {
  try {
    return await ask(adapter, call, request);
  } catch (error) {
    if (call.signal.aborted) throw error;
    return undefined;
  }
}

async function check(message: TranslatedMessage, schema: JsonSchema): Promise<Checked> {
  const said = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
  if (message.content.some((block) => block.type === 'tool_use')) return { content: message.content, said, json: false };
  const extracted = extractJsonAnswer(said);
  if (!extracted) return { content: [{ type: 'text', text: said }], said, json: false, problem: said.trim() === '' ? 'it is empty' : 'it is not JSON' };
  const value = dropOptionalNulls(extracted.value, schema);
  const content: TranslatedContentBlock[] = [{ type: 'text', text: JSON.stringify(value) }];
  const problem = await schemaProblem(schema, value);
  return problem === undefined ? { content, said, json: true } : { content, said, json: true, problem };
}

function addUsage(a: TranslatedUsage, b: TranslatedUsage): TranslatedUsage {
  const sum: TranslatedUsage = {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
  };
  if (a.provider_cost_usd !== undefined || b.provider_cost_usd !== undefined) sum.provider_cost_usd = (a.provider_cost_usd ?? 0) + (b.provider_cost_usd ?? 0);
  return sum;
}

/** The finished answer, as a stream or as one message, whichever Claude Code asked for. */
function replay(message: TranslatedMessage, usage: TranslatedUsage): OpenedUpstream {
  return {
    pipe(writer: AnthropicStreamWriter) {
      for (const block of message.content) {
        if (block.type === 'text') {
          writer.text(block.text);
        } else if (block.type === 'thinking') {
          writer.thinking(block.thinking);
          writer.signature(block.signature);
        } else {
          writer.toolUse(block.id, block.name);
          writer.toolInput(JSON.stringify(block.input));
        }
        writer.closeBlock();
      }
      writer.finish(message.stop_reason, usage, message.stop_sequence);
      return Promise.resolve(usage);
    },
    message: () => Promise.resolve({ message, usage }),
  };
}
