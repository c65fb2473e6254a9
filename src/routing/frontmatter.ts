// Reads a prompt file's YAML frontmatter (gray-matter). Never throws: a file without frontmatter, or with
// YAML that does not parse, gives no model and a warning, and the whole text as its body.
import matter from 'gray-matter';

export interface Frontmatter {
  model?: string;
  model_fallback?: boolean;
  name?: string;
  description?: string;
  /** Every frontmatter key, as parsed. */
  data: Record<string, unknown>;
  /** The markdown after the frontmatter. */
  body: string;
  /** `ok`, `none` (no frontmatter block) or `broken` (YAML that does not parse, or not a mapping). */
  status: 'ok' | 'none' | 'broken';
  warning?: string;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;

function optionalString(data: Record<string, unknown>, key: string, warnings: string[]): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  warnings.push(`frontmatter "${key}" should be a non-empty string`);
  return undefined;
}

export function parseFrontmatter(content: string): Frontmatter {
  if (!OPENING.test(content)) {
    return { data: {}, body: content, status: 'none', warning: 'no frontmatter: this file sets no model' };
  }
  let parsed: { data: unknown; content: string };
  try {
    // An options object (even empty) keeps gray-matter from caching results by content.
    parsed = matter(content, {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: {}, body: content, status: 'broken', warning: `frontmatter is not valid YAML (${reason}): model ignored` };
  }
  const raw = parsed.data;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { data: {}, body: parsed.content, status: 'broken', warning: 'frontmatter is not a key: value mapping: model ignored' };
  }
  const data = raw as Record<string, unknown>;
  const warnings: string[] = [];
  const result: Frontmatter = { data, body: parsed.content, status: 'ok' };
  const model = optionalString(data, 'model', warnings);
  if (model !== undefined) result.model = model;
  const name = optionalString(data, 'name', warnings);
  if (name !== undefined) result.name = name;
  const description = optionalString(data, 'description', warnings);
  if (description !== undefined) result.description = description;
  const fallback = data.model_fallback;
  if (typeof fallback === 'boolean') result.model_fallback = fallback;
  else if (fallback !== undefined && fallback !== null) warnings.push('frontmatter "model_fallback" should be true or false');
  if (warnings.length > 0) result.warning = warnings.join('; ');
  return result;
}
