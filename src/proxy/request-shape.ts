// The request's shape, checked at the door before any route sees it: the translators index into `messages`,
// `content`, `system`, `tools` and `stop_sequences`, and a `null` where an object belongs used to crash them
// into a retryable 500 that fell back to Claude and blamed the provider. A malformed body is Claude Code's
// (or a script's) mistake: it gets a 400 naming the field, is never retried and never falls back.
// Only what the proxy reads is checked; unknown fields and block types pass (Claude Code sends newer ones
// than any schema snapshot, and a bare 400 for an ignorable field makes it strip features for the session).
// The schema (request-shape-schema.ts) is compiled into plain JS ahead of time by ajv's standalone code
// generation (request-shape-validate.generated.ts): a 65 KB Claude Code body is checked in well under a
// millisecond, and no process loads ajv or compiles anything before it can answer its first request.
import type { ErrorObject } from 'ajv';
import { validate } from './request-shape-validate.generated.js';

/** What the generated validator is: ajv's compiled function, with the first problem in `errors`. */
interface ShapeValidator {
  (body: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validateShape = validate as ShapeValidator;

/**
 * Undefined when `body` has the shape the proxy reads; otherwise one line naming the field, in the style
 * of Anthropic's own 400s (`messages.0.content: …`).
 */
export async function requestShapeError(body: unknown): Promise<string | undefined> {
  if (validateShape(body)) return undefined;
  return describe(validateShape.errors?.[0]);
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
