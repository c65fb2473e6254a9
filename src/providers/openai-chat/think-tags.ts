// Reasoning sent inline as `<think>…</think>` at the start of `content` (DeepSeek-R1 served by Hugging Face or
// Together, Qwen, many local servers) becomes thinking, so it does not reach the user as answer text. Works on a
// stream: the tags may be split across chunks, so a possible tag prefix is held back until the next piece
// decides it. Only a `<think>` that opens the content (after whitespace) counts: a tag mentioned later in an
// answer stays text. Blank lines right after `</think>` are dropped. A provider can turn this off
// (config `providers.<name>.thinkTags: false`) when its models write such tags as part of the answer.
import type { ContentPiece } from './content-parts.js';

const OPEN = '<think>';
const CLOSE = '</think>';

export class ThinkTagSplitter {
  private state: 'start' | 'thinking' | 'after' | 'text' = 'start';
  private held = '';

  /** The pieces `text` (the next content fragment) resolves to; some of it may be held for the next call. */
  push(text: string): ContentPiece[] {
    if (this.state === 'text') return text ? [{ kind: 'text', text }] : [];
    this.held += text;
    const out: ContentPiece[] = [];
    for (;;) {
      if (this.state === 'start') {
        const trimmed = this.held.trimStart();
        if (trimmed === '' || (OPEN.startsWith(trimmed) && trimmed.length < OPEN.length)) return out;
        if (!trimmed.startsWith(OPEN)) return this.becomeText(out);
        this.held = trimmed.slice(OPEN.length);
        this.state = 'thinking';
      } else if (this.state === 'thinking') {
        const close = this.held.indexOf(CLOSE);
        if (close < 0) {
          const keep = partialTagLength(this.held, CLOSE);
          const ready = this.held.slice(0, this.held.length - keep);
          if (ready) out.push({ kind: 'thinking', text: ready });
          this.held = this.held.slice(ready.length);
          return out;
        }
        if (close > 0) out.push({ kind: 'thinking', text: this.held.slice(0, close) });
        this.held = this.held.slice(close + CLOSE.length);
        this.state = 'after';
      } else {
        this.held = this.held.trimStart();
        if (this.held === '') return out;
        return this.becomeText(out);
      }
    }
  }

  /** End of content: whatever is held is flushed as what it was going to be. */
  flush(): ContentPiece[] {
    const held = this.held;
    this.held = '';
    if (!held) return [];
    if (this.state === 'thinking') return [{ kind: 'thinking', text: held }];
    if (this.state === 'after') return [];
    this.state = 'text';
    return [{ kind: 'text', text: held }];
  }

  private becomeText(out: ContentPiece[]): ContentPiece[] {
    this.state = 'text';
    if (this.held) out.push({ kind: 'text', text: this.held });
    this.held = '';
    return out;
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length -= 1) {
    if (text.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}

/** A whole content's pieces with the tags resolved (non-streaming answers). */
export function splitThinkTags(pieces: ContentPiece[]): ContentPiece[] {
  const splitter = new ThinkTagSplitter();
  const out: ContentPiece[] = [];
  for (const piece of pieces) out.push(...(piece.kind === 'text' ? splitter.push(piece.text) : [...splitter.flush(), piece]));
  return [...out, ...splitter.flush()];
}
