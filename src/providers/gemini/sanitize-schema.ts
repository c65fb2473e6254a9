// JSON Schema → the OpenAPI subset Gemini accepts in `functionDeclarations[].parameters` (wire-reference.md §3.3,
// edge case 44). Only the fallback: oss normally sends the raw schema as `parametersJsonSchema`. Recursive over
// properties, items and anyOf branches; every key outside GEMINI_SCHEMA_KEYS is dropped or rewritten:
// $ref → inlined from $defs/definitions; type arrays → one type + nullable (or anyOf); const/enum → string enum;
// exclusiveMinimum/Maximum → minimum/maximum; oneOf → anyOf; allOf → merged; string formats Gemini rejects →
// noted in the description; arrays without items → items of strings.
import type { GeminiSchema, GeminiSchemaType } from './gemini-api.js';

type JsonSchema = Record<string, unknown>;

const TYPES: Record<string, GeminiSchemaType> = {
  string: 'STRING', number: 'NUMBER', integer: 'INTEGER', boolean: 'BOOLEAN', array: 'ARRAY', object: 'OBJECT', null: 'NULL',
};
const STRING_FORMATS = new Set(['enum', 'date-time']);
const NUMBER_FORMATS = new Set(['float', 'double', 'int32', 'int64']);
const COPIED_NUMBERS = ['maxItems', 'minItems', 'minProperties', 'maxProperties', 'minLength', 'maxLength', 'minimum', 'maximum'] as const;

/** Sanitise a tool's input_schema for `parameters`; undefined when the tool takes no arguments. */
export function sanitizeSchemaForGemini(schema: unknown): GeminiSchema | undefined {
  if (!isObject(schema)) return undefined;
  const cleaned = new SchemaCleaner(schema).clean(schema, []);
  if (cleaned.type === 'OBJECT' && (!cleaned.properties || Object.keys(cleaned.properties).length === 0)) return undefined;
  return cleaned;
}

class SchemaCleaner {
  private readonly defs: Record<string, unknown>;

  constructor(root: JsonSchema) {
    this.defs = { ...asObject(root.definitions), ...asObject(root.$defs) };
  }

  clean(node: unknown, refStack: string[]): GeminiSchema {
    if (!isObject(node)) return {};
    if (typeof node.$ref === 'string') return this.inlineRef(node, node.$ref, refStack);
    if (Array.isArray(node.allOf)) return this.clean(mergeAllOf(node), refStack);

    const union = this.cleanUnion(node, refStack);
    if (union) return union;

    const out: GeminiSchema = {};
    const types = typeList(node);
    const single = types.find((t) => t !== 'null') ?? (types.length === 1 ? 'null' : inferType(node));
    const mapped = single === undefined ? undefined : TYPES[single];
    if (mapped) out.type = mapped;
    const nullable = types.length > 1 && types.includes('null');

    if (typeof node.title === 'string') out.title = node.title;
    if (typeof node.description === 'string') out.description = node.description;
    for (const key of COPIED_NUMBERS) if (typeof node[key] === 'number') out[key] = node[key];
    if (typeof node.exclusiveMinimum === 'number') out.minimum = node.exclusiveMinimum + (out.type === 'INTEGER' ? 1 : 0);
    if (typeof node.exclusiveMaximum === 'number') out.maximum = node.exclusiveMaximum - (out.type === 'INTEGER' ? 1 : 0);
    if (typeof node.pattern === 'string') out.pattern = node.pattern;
    if ('default' in node) out.default = node.default;
    if ('example' in node) out.example = node.example;
    else if (Array.isArray(node.examples) && node.examples.length > 0) out.example = node.examples[0];
    this.applyFormat(node, out);
    const enumNullable = applyEnum(node, out);

    // properties/required on a non-object type are a 400 ("only allowed for OBJECT type"): kept for objects only.
    if (out.type === 'OBJECT' || (out.type === undefined && isObject(node.properties))) this.applyProperties(node, out, refStack);
    if (out.type === 'ARRAY') out.items = isObject(node.items) ? this.clean(node.items, refStack) : { type: 'STRING' };
    return withNullable(out, nullable || enumNullable);
  }

  private inlineRef(node: JsonSchema, ref: string, refStack: string[]): GeminiSchema {
    const name = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(ref)?.[1];
    const target = name === undefined ? undefined : this.defs[decodeURIComponent(name)];
    const { $ref: _ref, ...siblings } = node;
    if (!isObject(target) || refStack.includes(ref)) {
      // A recursive or unresolvable reference ends the expansion: an untyped object with what the schema said.
      const description = typeof siblings.description === 'string' ? siblings.description : undefined;
      return { type: 'OBJECT', ...(description ? { description } : {}) };
    }
    return this.clean({ ...target, ...siblings }, [...refStack, ref]);
  }

  /** anyOf / oneOf / several non-null types → anyOf (a single remaining branch is merged); null → nullable. */
  private cleanUnion(node: JsonSchema, refStack: string[]): GeminiSchema | undefined {
    const description = typeof node.description === 'string' ? { description: node.description } : {};
    const branches = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
    if (branches) {
      const nonNull = branches.filter((branch) => !(isObject(branch) && branch.type === 'null'));
      const nullable = nonNull.length < branches.length;
      const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = node;
      if (nonNull.length === 0) return { type: 'NULL', ...description };
      if (nonNull.length === 1) return withNullable(this.clean({ ...rest, ...asObject(nonNull[0]) }, refStack), nullable);
      return withNullable({ ...description, anyOf: nonNull.map((branch) => this.clean(branch, refStack)) }, nullable);
    }
    const nonNullTypes = typeList(node).filter((t) => t !== 'null');
    if (nonNullTypes.length < 2) return undefined;
    const nullable = typeList(node).includes('null');
    return withNullable({ ...description, anyOf: nonNullTypes.map((type) => this.clean({ ...node, type }, refStack)) }, nullable);
  }

  private applyFormat(node: JsonSchema, out: GeminiSchema): void {
    if (typeof node.format !== 'string') return;
    const allowed = out.type === 'STRING' ? STRING_FORMATS : out.type === 'NUMBER' || out.type === 'INTEGER' ? NUMBER_FORMATS : undefined;
    if (allowed?.has(node.format)) {
      out.format = node.format;
      return;
    }
    const note = `(format: ${node.format})`;
    out.description = out.description ? `${out.description} ${note}` : note;
  }

  private applyProperties(node: JsonSchema, out: GeminiSchema, refStack: string[]): void {
    out.type = 'OBJECT';
    const properties = asObject(node.properties);
    const names = Object.keys(properties);
    if (names.length > 0) {
      out.properties = {};
      for (const name of names) out.properties[name] = this.clean(properties[name], refStack);
    }
    if (Array.isArray(node.required)) {
      const required = node.required.filter((name): name is string => typeof name === 'string' && names.includes(name));
      if (required.length > 0) out.required = required;
    }
  }
}

/** const/enum → string enum (Gemini accepts only strings); returns whether null was one of the values. */
function applyEnum(node: JsonSchema, out: GeminiSchema): boolean {
  const values = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : undefined;
  if (!values) return false;
  const strings = values.filter((value) => value !== null).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  if (strings.length > 0) {
    out.type = 'STRING';
    out.enum = strings;
    if (out.format !== undefined && !STRING_FORMATS.has(out.format)) delete out.format;
  }
  return strings.length < values.length;
}

/** allOf of object schemas → one schema: properties and required united, other keys first-wins. */
function mergeAllOf(node: JsonSchema): JsonSchema {
  const { allOf, ...rest } = node;
  const merged: JsonSchema = { ...rest };
  for (const part of allOf as unknown[]) {
    if (!isObject(part)) continue;
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties') merged.properties = { ...asObject(merged.properties), ...asObject(value) };
      else if (key === 'required' && Array.isArray(value)) merged.required = [...(Array.isArray(merged.required) ? merged.required : []), ...value];
      else if (!(key in merged)) merged[key] = value;
    }
  }
  return merged;
}

function typeList(node: JsonSchema): string[] {
  return (Array.isArray(node.type) ? node.type : [node.type]).filter((t): t is string => typeof t === 'string');
}

function inferType(node: JsonSchema): string | undefined {
  if (isObject(node.properties)) return 'object';
  if ('items' in node) return 'array';
  if (Array.isArray(node.enum) || 'const' in node) return 'string';
  return undefined;
}

function withNullable(out: GeminiSchema, nullable: boolean): GeminiSchema {
  if (nullable) out.nullable = true;
  return out;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): JsonSchema {
  return isObject(value) ? value : {};
}
