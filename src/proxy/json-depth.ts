// How deeply a JSON text nests, found from the bytes before parsing. JSON.parse copes with any depth, but
// everything after it recurses (JSON.stringify, the translators, schema sanitising), so a 100k-deep body
// used to overflow the stack and be reported as a network failure. Strings are skipped with a native
// indexOf, so a 30 MB body of base64 images costs a few milliseconds, a 65 KB Claude Code body microseconds.

/** Deeper than any request Claude Code sends (its deepest tool schemas nest about a dozen levels). */
export const MAX_JSON_DEPTH = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when objects/arrays in `raw` nest deeper than `limit`. Invalid JSON is left to JSON.parse to report. */
export function nestsDeeperThan(raw: Uint8Array & { indexOf(value: number, from: number): number }, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i];
    if (byte === QUOTE) {
      const end = closingQuote(raw, i);
      if (end < 0) return false;
      i = end;
    } else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

/** Index of the quote closing the string opened at `open`, or -1. */
function closingQuote(raw: Uint8Array & { indexOf(value: number, from: number): number }, open: number): number {
  let at = open;
  for (;;) {
    at = raw.indexOf(QUOTE, at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    for (let k = at - 1; raw[k] === BACKSLASH; k -= 1) backslashes += 1;
    if (backslashes % 2 === 0) return at;
  }
}
