// Conservative repair of tool-call arguments that ended unfinished (edge case 19): the text is never
// rewritten, only completed (JsonObjectPrefix.completion), so a stream that already forwarded the fragments
// can append the suffix. Text that breaks the JSON grammar somewhere is not repaired.
import { JsonObjectPrefix } from './json-object-prefix.js';

/** '' when `text` is already a whole object, a suffix that makes it one, or undefined when none exists. */
export function jsonObjectRepairSuffix(text: string): string | undefined {
  const prefix = new JsonObjectPrefix();
  if (prefix.accept(text) !== text.length) return undefined;
  return prefix.completion();
}

/** The object `text` encodes, repaired if it is cut short; undefined when it cannot be read as an object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const suffix = jsonObjectRepairSuffix(text);
  if (suffix === undefined) return undefined;
  const whole = text.trim() === '' ? '{}' : text + suffix;
  return JSON.parse(whole) as Record<string, unknown>;
}
