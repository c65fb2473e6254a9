// Models asked for JSON often wrap it: a ```json fence, a sentence before or after, a <think> preamble. Claude
// Code parses the answer's text as it is, and treats an answer it cannot parse as "no decision" (a blocking
// prompt hook then lets the action through), so the proxy hands it only the JSON. Pure, no repair: text that
// holds no complete JSON value gives undefined, and the caller asks the model again.

/** Starting points tried when the JSON sits inside prose; more than this is not an answer worth searching. */
const MAX_CANDIDATES = 32;

/** The first complete JSON value in a model's answer, or undefined when there is none. */
export function extractJsonAnswer(text: string): { value: unknown } | undefined {
  const visible = text.replace(/<think>[\s\S]*?<\/think>/g, '').trim();
  const whole = tryParse(visible);
  if (whole) return whole;
  for (const fenced of visible.matchAll(/```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)```/g)) {
    const found = tryParse((fenced[1] ?? '').trim());
    if (found) return found;
  }
  let tried = 0;
  for (let start = 0; start < visible.length && tried < MAX_CANDIDATES; start += 1) {
    const char = visible[start];
    if (char !== '{' && char !== '[') continue;
    tried += 1;
    const end = balancedEnd(visible, start);
    if (end === undefined) continue;
    const found = tryParse(visible.slice(start, end + 1));
    if (found) return found;
  }
  return undefined;
}

function tryParse(text: string): { value: unknown } | undefined {
  if (text === '') return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Index of the bracket closing the one at `start`, skipping string contents; undefined when it never closes. */
function balancedEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return undefined;
}
