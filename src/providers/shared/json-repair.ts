// Conservative repair of tool-call arguments that ended unfinished (edge case 19): the text is never
// rewritten, only completed, so a stream that already forwarded the fragments can append the suffix.
// Closing an open string and open brackets covers the common truncations; anything else is left alone.

/** '' when `text` already parses to an object, a suffix that makes it one, or undefined when none is found. */
export function jsonObjectRepairSuffix(text: string): string | undefined {
  if (parsesToObject(text)) return '';
  const { inString, escaped, stack } = scan(text);
  if (stack[0] !== '{') return undefined;
  const closers = [...stack].reverse().map((c) => (c === '{' ? '}' : ']')).join('');
  const quote = inString ? `${escaped ? '\\' : ''}"` : '';
  const candidates = inString ? [quote, `${quote}: null`] : ['', 'null', ': null', '"_": null'];
  for (const middle of candidates) {
    const suffix = `${middle}${closers}`;
    if (parsesToObject(text + suffix)) return suffix;
  }
  return undefined;
}

/** The object `text` encodes, repaired if it is cut short; undefined when it cannot be read as an object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const suffix = jsonObjectRepairSuffix(text.trim() === '' ? '{}' : text);
  if (suffix === undefined) return undefined;
  return JSON.parse((text.trim() === '' ? '{}' : text) + suffix) as Record<string, unknown>;
}

function parsesToObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return !!value && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function scan(text: string): { inString: boolean; escaped: boolean; stack: string[] } {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch);
    else if (ch === '}' || ch === ']') stack.pop();
  }
  return { inString, escaped, stack };
}
