// The shape of a Messages API request that the proxy checks at the door (request-shape.ts says why and what).
// It is data only: scripts/generate-request-shape.mjs compiles it with ajv into request-shape-validate.generated.ts
// (plain JS checked in beside it), so no process loads ajv or compiles a schema to answer its first request.
// Change it, then run `npm run generate:request-shape`; a test fails while the generated file is out of date.

const STRING = { type: 'string' } as const;
const NUMBER = { type: 'number' } as const;

/** `when block.type is <type>, these fields must hold`. */
function blockRule(type: string, required: string[], properties: Record<string, object>): object {
  return { if: { properties: { type: { const: type } } }, then: { required, properties } };
}

export const REQUEST_SHAPE_SCHEMA = {
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
