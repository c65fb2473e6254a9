// Checks a structured answer against the schema Claude Code sent, with ajv (a well-kept JSON Schema
// validator). ajv is loaded on the first structured request only, so `oss run` does not pay for it at start,
// and each distinct schema is compiled once per proxy (Claude Code sends the same few schemas again and again).
import type { JsonSchema } from './output-format.js';

type Validate = (value: unknown) => string | undefined;

const compiled = new Map<string, Validate>();
let ajvLoading: Promise<AjvLike> | undefined;

interface AjvLike {
  compile(schema: object): ((value: unknown) => boolean) & { errors?: unknown };
  errorsText(errors: unknown, options: { dataVar: string }): string;
}

/** Undefined when `value` matches `schema`, else ajv's account of the first problem. A schema ajv cannot compile accepts anything. */
export async function schemaProblem(schema: JsonSchema, value: unknown): Promise<string | undefined> {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = compile(await loadAjv(), schema);
    compiled.set(key, validate);
  }
  return validate(value);
}

function compile(ajv: AjvLike, schema: JsonSchema): Validate {
  try {
    const check = ajv.compile(schema);
    return (value) => (check(value) ? undefined : ajv.errorsText(check.errors, { dataVar: 'answer' }));
  } catch {
    // A schema ajv rejects is one the provider was given as is; the answer is then only required to be JSON.
    return () => undefined;
  }
}

function loadAjv(): Promise<AjvLike> {
  ajvLoading ??= import('ajv').then((module) => {
    // ajv is CommonJS: `module.default` is its exports object, whose `default` is the Ajv class.
    const Ajv = module.default.default;
    // strict:false: Claude Code's schemas may carry keywords ajv does not know (descriptions, vendor keys).
    return new Ajv({ strict: false, allErrors: false }) as unknown as AjvLike;
  });
  return ajvLoading;
}
