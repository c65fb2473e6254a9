// The request's shape, checked at the door before any route sees it: the translators index into `messages`,
// `content`, `system`, `tools` and `stop_sequences`, and a `null` where an object belongs used to crash them
// into a retryable 500 that fell back to Claude and blamed the provider. A malformed body is Claude Code's
// (or a script's) mistake: it gets a 400 naming the field, is never retried and never falls back.
// Only what the proxy reads is checked; unknown fields and block types pass (Claude Code sends newer ones
// than any schema snapshot, and a bare 400 for an ignorable field makes it strip features for the session).
// Ajv compiles the schema once into plain JS: a 65 KB Claude Code body is checked in well under a millisecond.
// It is loaded (about 80 ms, once) while claude boots (ModelProxy.warmUp), or else on the first request.
import type { ErrorObject, ValidateFunction } from 'ajv';

const STRING = { type: 'string' } as const;
const NUMBER = { type: 'number' } as const;

/** `when block.type is <type>, these fields must hold`. */
function blockRule(type: string, required: string[], properties: Record<string, object>): object {
  return { if: { properties: { type: { const: type } } }, then: { required, properties } };
}

const SCHEMA = {
  $id: 'oss-request',
  type: 'object',
  required: ['messages'],
  properties: {
    model: STRING,
    max_tokens: NUMBER,
    messages: { type: 'array', items: { $ref: '#/$defs/message' } },
    system: { type: ['string', 'array'], items: { $ref: '#/$defs/block' } },
    tools: { type: 'array', items: { type: 'object', properties: { name: STRING, type: { type: ['string', 'null'] }, input_schema: { type: 'object' } } } },
    tool_choice: { type: 'object', required: ['type'], properties: { type: STRING, name: STRING } },
    thinking: { type: 'object', required: ['type'], properties: { type: STRING, budget_tokens: NUMBER } },
    output_config: { type: ['object', 'null'] },
    stop_sequences: { type: 'array', items: STRING },
    stream: { type: ['boolean', 'null'] },
    temperature: NUMBER,
    top_p: NUMBER,
    top_k: NUMBER,
    metadata: { type: ['object', 'null'] },
  },
  $defs: {
    message: {
      type: 'object',
      required: ['role', 'content'],
      properties: { role: STRING, content: { type: ['string', 'array'], items: { $ref: '#/$defs/block' } } },
    },
    block: {
      type: 'object',
      required: ['type'],
      properties: { type: STRING },
      allOf: [
        blockRule('text', ['text'], { text: STRING }),
        blockRule('image', ['source'], { source: { type: 'object' } }),
        blockRule('document', ['source'], { source: { type: 'object' } }),
        blockRule('tool_use', ['id', 'name'], { id: STRING, name: STRING, input: { type: 'object' } }),
        blockRule('tool_result', ['tool_use_id'], {
          tool_use_id: STRING,
          content: { type: ['string', 'array'], items: { $ref: '#/$defs/block' } },
          is_error: { type: ['boolean', 'null'] },
        }),
        blockRule('thinking', ['thinking'], { thinking: STRING, signature: STRING }),
        blockRule('redacted_thinking', ['data'], { data: STRING }),
      ],
    },
  },
} as const;

let compiled: ValidateFunction | undefined;
let loading: Promise<ValidateFunction> | undefined;

/** Load ajv and compile the schema now (once); see ModelProxy.warmUp. */
export function loadValidator(): Promise<ValidateFunction> {
  loading ??= import('ajv').then((module) => {
    // ajv is CommonJS: `module.default` is its exports object, whose `default` is the Ajv class.
    const Ajv = module.default.default;
    compiled = new Ajv({ allErrors: false, strict: false }).compile(SCHEMA);
    return compiled;
  });
  return loading;
}

/**
 * Undefined when `body` has the shape the proxy reads; otherwise one line naming the field, in the style
 * of Anthropic's own 400s (`messages.0.content: …`).
 */
export async function requestShapeError(body: unknown): Promise<string | undefined> {
  const validate = compiled ?? (await loadValidator());
  if (validate(body)) return undefined;
  return describe(validate.errors?.[0]);
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'the request body does not match the Messages API';
  const path = error.instancePath.split('/').slice(1).join('.');
  if (error.keyword === 'required') {
    const field = (error.params as { missingProperty: string }).missingProperty;
    return `${path ? `${path}.` : ''}${field}: Field required`;
  }
  const where = path || 'the request body';
  if (error.keyword === 'type') {
    const type = String((error.params as { type: string | string[] }).type).replaceAll(',', ' or ');
    return `${where}: must be ${type === 'object' ? 'an object' : type === 'array' ? 'an array' : type}`;
  }
  return `${where}: ${error.message ?? 'is not valid'}`;
}
