// Anthropic `output_config.format` (a JSON Schema) → OpenAI `response_format`, in the form the target takes
// (target-traits.ts `structuredOutput`): strict json_schema where the schema can be made strict, plain
// json_schema, or json_object with the schema written into the system prompt.
import { requestedOutputFormat, schemaInstruction, withSystemText } from '../common/output-format.js';
import { toStrictJsonSchema } from '../common/strict-json-schema.js';
import type { AnthropicRequestLike } from './anthropic-input.js';
import type { OpenAIChatRequest } from './openai-chat-api.js';
import type { TargetTraits } from './target-traits.js';

/** OpenAI wants a name matching ^[a-zA-Z0-9_-]{1,64}$; Claude Code gives none. */
const SCHEMA_NAME = 'answer';

export interface MappedResponseFormat {
  /** The request to translate: with the schema added to `system` when the target's API cannot enforce it. */
  request: AnthropicRequestLike;
  fields: Pick<OpenAIChatRequest, 'response_format'>;
}

export function mapResponseFormat(request: AnthropicRequestLike, traits: TargetTraits): MappedResponseFormat {
  const format = requestedOutputFormat(request);
  if (!format) return { request, fields: {} };
  if (traits.structuredOutput === 'json_object') {
    return { request: withSystemText(request, schemaInstruction(format.schema)), fields: { response_format: { type: 'json_object' } } };
  }
  const strict = traits.structuredOutput === 'json_schema_strict' ? toStrictJsonSchema(format.schema) : undefined;
  return {
    request,
    fields: {
      response_format: {
        type: 'json_schema',
        json_schema: { name: SCHEMA_NAME, schema: strict ?? format.schema, strict: strict !== undefined },
      },
    },
  };
}
