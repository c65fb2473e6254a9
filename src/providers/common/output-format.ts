// Claude Code asks for a JSON answer with `output_config.format: {type:"json_schema", schema}` (prompt hooks,
// memory selection, the write_likely check, session titles: docs/decisions.md "Structured output"). This file
// reads that request once for every translator, and words the instruction given to targets that cannot be
// held to a schema by the API itself.

/** A JSON Schema as Claude Code sends it: a plain object. */
export type JsonSchema = Record<string, unknown>;

export interface JsonSchemaFormat {
  type: 'json_schema';
  schema: JsonSchema;
}

/** The requested JSON-schema answer format, or undefined when the request asks for none (or for one we do not know). */
export function requestedOutputFormat(request: { output_config?: unknown }): JsonSchemaFormat | undefined {
  const config = request.output_config;
  if (!isObject(config)) return undefined;
  const format = config.format;
  if (!isObject(format) || format.type !== 'json_schema' || !isObject(format.schema)) return undefined;
  return { type: 'json_schema', schema: format.schema };
}

/** System text for a target that is not held to the schema by its API (json_object mode or plain prompting). */
export function schemaInstruction(schema: JsonSchema): string {
  return [
    'Answer with one JSON value that matches this JSON Schema, and nothing else: no prose, no Markdown, no code fences.',
    JSON.stringify(schema),
  ].join('\n');
}

/** The request with `text` added as the last system block (the schema instruction for targets that need it). */
export function withSystemText<R extends { system?: string | ReadonlyArray<{ type: string; text?: string }> | undefined }>(request: R, text: string): R {
  const system = request.system;
  const blocks = system === undefined ? [] : typeof system === 'string' ? [{ type: 'text', text: system }] : system;
  return { ...request, system: [...blocks, { type: 'text', text }] };
}

/** The follow-up turn after an answer that did not match the schema. */
export function schemaRetryPrompt(problem: string): string {
  return `That answer is not valid: ${problem}. Answer again with only the JSON value that matches the schema.`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
