// Anthropic `output_config.format` (a JSON Schema) → Gemini `responseMimeType: "application/json"` with the schema
// as `responseJsonSchema` (standard JSON Schema), or as a sanitised OpenAPI `responseSchema` for back ends that
// only take `parameters`-style schemas. Gemini before 3 refuses a JSON response type together with function
// declarations, so such a request keeps its tools and gets the schema in the system instruction instead; the
// proxy checks every answer against the schema whatever the route.
import { requestedOutputFormat, schemaInstruction } from '../common/output-format.js';
import type { GeminiGenerationConfig } from './gemini-api.js';
import { isGemini3OrLater } from './model-generation.js';
import type { GeminiSchemaMode } from './prepare-tools.js';
import { sanitizeSchemaForGemini } from './sanitize-schema.js';

export interface GeminiResponseFormat {
  generation: Pick<GeminiGenerationConfig, 'responseMimeType' | 'responseJsonSchema' | 'responseSchema'>;
  /** System text to add when the schema cannot be set on the generation config. */
  instruction?: string;
}

export function mapGeminiResponseFormat(
  request: { output_config?: unknown },
  options: { upstreamModel: string | undefined; declaresTools: boolean; schemaMode: GeminiSchemaMode },
): GeminiResponseFormat {
  const format = requestedOutputFormat(request);
  if (!format) return { generation: {} };
  if (options.declaresTools && !isGemini3OrLater(options.upstreamModel)) return { generation: {}, instruction: schemaInstruction(format.schema) };
  if (options.schemaMode === 'parameters') {
    const responseSchema = sanitizeSchemaForGemini(format.schema);
    return { generation: { responseMimeType: 'application/json', ...(responseSchema ? { responseSchema } : {}) } };
  }
  return { generation: { responseMimeType: 'application/json', responseJsonSchema: format.schema } };
}
