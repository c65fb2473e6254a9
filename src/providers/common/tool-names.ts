// Tool names outside a target's naming rules (OpenAI: ^[a-zA-Z0-9_-]{1,64}$; Gemini: starts with a letter
// or `_`, [a-zA-Z0-9_.:-], ≤128) are shortened deterministically, and names coming back are mapped home.
// Deterministic means the same history translates the same way on every request, with no server state.
import { createHash } from 'node:crypto';

export interface ToolNameRule {
  maxLength: number;
  /** Characters allowed anywhere. */
  allowed: RegExp;
  /** Pattern the whole name must match. */
  valid: RegExp;
}

export const OPENAI_TOOL_NAMES: ToolNameRule = { maxLength: 64, allowed: /[a-zA-Z0-9_-]/, valid: /^[a-zA-Z0-9_-]{1,64}$/ };
export const GEMINI_TOOL_NAMES: ToolNameRule = { maxLength: 128, allowed: /[a-zA-Z0-9_.:-]/, valid: /^[a-zA-Z_][a-zA-Z0-9_.:-]{0,127}$/ };

export interface ToolNameMap {
  toUpstream(name: string): string;
  fromUpstream(name: string): string;
}

/** Shorten or clean `name` for `rule`: unchanged when already valid, else a readable prefix plus a hash. */
export function upstreamToolName(name: string, rule: ToolNameRule): string {
  if (rule.valid.test(name)) return name;
  const cleaned = [...name].map((ch) => (rule.allowed.test(ch) ? ch : '_')).join('');
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const prefix = /^[a-zA-Z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
  return `${prefix.slice(0, rule.maxLength - hash.length - 1)}_${hash}`;
}

/** A two-way map for every tool name that appears in a request (declared tools and history). */
export function buildToolNameMap(names: Iterable<string>, rule: ToolNameRule): ToolNameMap {
  const back = new Map<string, string>();
  for (const name of names) back.set(upstreamToolName(name, rule), name);
  return {
    toUpstream: (name) => upstreamToolName(name, rule),
    fromUpstream: (name) => back.get(name) ?? name,
  };
}
