// OpenAI-style strict structured output accepts a schema only when every object lists all its properties as
// required and refuses additional ones. Claude Code's schemas have optional fields (the hook schema's
// `impossible`), so for strict targets each optional property becomes required-but-nullable, and a `null` the
// model then gives for it is dropped from the answer before it is checked against the original schema.
// A schema that cannot be made strict (a map-like object, oneOf/allOf/not, a non-object root) gives undefined:
// the target then gets it non-strict.
import { isObject, type JsonSchema } from './output-format.js';

const NOT_STRICTABLE = ['oneOf', 'allOf', 'not', 'patternProperties', 'if', 'dependentSchemas', 'unevaluatedProperties'];

/** The strict-mode form of `schema`, or undefined when it has no faithful one. */
export function toStrictJsonSchema(schema: JsonSchema): JsonSchema | undefined {
  if (schema.type !== 'object') return undefined;
  return strictNode(schema);
}

function strictNode(node: JsonSchema): JsonSchema | undefined {
  if (NOT_STRICTABLE.some((key) => key in node)) return undefined;
  const out: JsonSchema = { ...node };
  if (isObject(node.properties) || node.type === 'object') {
    if (node.additionalProperties !== undefined && node.additionalProperties !== false) return undefined;
    const properties = isObject(node.properties) ? node.properties : {};
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    const strictProperties: JsonSchema = {};
    for (const [name, child] of Object.entries(properties)) {
      if (!isObject(child)) return undefined;
      const strictChild = strictNode(child);
      if (!strictChild) return undefined;
      strictProperties[name] = required.has(name) ? strictChild : nullable(strictChild);
    }
    out.properties = strictProperties;
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  if (isObject(node.items)) {
    const items = strictNode(node.items);
    if (!items) return undefined;
    out.items = items;
  }
  if (Array.isArray(node.anyOf)) {
    const branches = node.anyOf.map((branch) => (isObject(branch) ? strictNode(branch) : undefined));
    if (branches.some((branch) => branch === undefined)) return undefined;
    out.anyOf = branches;
  }
  for (const defsKey of ['$defs', 'definitions']) {
    const defs = node[defsKey];
    if (!isObject(defs)) continue;
    const strictDefs: JsonSchema = {};
    for (const [name, def] of Object.entries(defs)) {
      const strictDef = isObject(def) ? strictNode(def) : undefined;
      if (!strictDef) return undefined;
      strictDefs[name] = strictDef;
    }
    out[defsKey] = strictDefs;
  }
  return out;
}

function nullable(node: JsonSchema): JsonSchema {
  if (typeof node.type === 'string') return { ...node, type: [node.type, 'null'], ...(Array.isArray(node.enum) ? { enum: [...node.enum, null] } : {}) };
  if (Array.isArray(node.type)) return node.type.includes('null') ? node : { ...node, type: [...node.type, 'null'] };
  return { anyOf: [node, { type: 'null' }] };
}

/** `value` without the `null`s a strict target put in optional properties the original schema does not let be null. */
export function dropOptionalNulls(value: unknown, schema: JsonSchema): unknown {
  if (Array.isArray(value)) return isObject(schema.items) ? value.map((item) => dropOptionalNulls(item, schema.items as JsonSchema)) : value;
  if (!isObject(value) || !isObject(schema.properties)) return value;
  const properties = schema.properties;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const child = properties[key];
    if (item === null && !required.has(key) && isObject(child) && !allowsNull(child)) continue;
    out[key] = isObject(child) ? dropOptionalNulls(item, child) : item;
  }
  return out;
}

function allowsNull(schema: JsonSchema): boolean {
  if (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.includes('null'))) return true;
  return Array.isArray(schema.anyOf) && schema.anyOf.some((branch) => isObject(branch) && allowsNull(branch));
}
