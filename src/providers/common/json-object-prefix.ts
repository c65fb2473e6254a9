// An incremental check that streamed tool-call arguments are still the beginning of a JSON object, and the
// shortest text that completes what has been accepted (edge cases 13 and 19). Tool input reaches Claude Code
// as input_json_delta fragments before the whole call is known, so a translator forwards only what this
// accepts: a model that later writes invalid JSON leaves a valid prefix behind, which completion() closes.
// Claude Code (and the SDK accumulator) then parse a real object instead of rejecting the whole stream.

type Container = 'object' | 'array';
type State =
  | 'start' // before the top-level `{`
  | 'keyOrEnd' // after `{`
  | 'key' // after `,` in an object
  | 'colon' // after a key
  | 'value' // after `:` or `,` in an array
  | 'valueOrEnd' // after `[`
  | 'afterValue'
  | 'string'
  | 'number'
  | 'literal'
  | 'done';
type NumberState = 'minus' | 'zero' | 'int' | 'dot' | 'frac' | 'exp' | 'expSign' | 'expDigits';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const SIMPLE_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER_COMPLETE = new Set<NumberState>(['zero', 'int', 'frac', 'expDigits']);
const LITERALS: Record<string, string> = { t: 'rue', f: 'alse', n: 'ull' };

export class JsonObjectPrefix {
  private readonly stack: Container[] = [];
  private state: State = 'start';
  private numberState: NumberState = 'int';
  private literalRest = '';
  private stringIsKey = false;
  /** 0: no escape; 1: after a backslash; 2–5: hex digits of a \u escape still expected, plus one. */
  private escape = 0;
  private rejected = false;
  private acceptedAny = false;

  /** True once a character broke the grammar: nothing more is accepted. */
  get failed(): boolean {
    return this.rejected;
  }

  /** Feed `text`; returns how many of its leading characters keep everything accepted a valid prefix. */
  accept(text: string): number {
    if (this.rejected) return 0;
    for (let i = 0; i < text.length; i += 1) {
      if (!this.step(text[i] as string)) {
        this.rejected = true;
        return i;
      }
      this.acceptedAny = true;
    }
    return text.length;
  }

  /** The text that turns what was accepted into a complete object ('' when it already is one). */
  completion(): string {
    if (!this.acceptedAny && this.state === 'start') return '{}';
    let middle = '';
    switch (this.state) {
      case 'string':
        middle = `${this.escape === 1 ? '\\' : this.escape > 1 ? '0'.repeat(this.escape - 1) : ''}"${this.stringIsKey ? ': null' : ''}`;
        break;
      case 'number':
        middle = NUMBER_COMPLETE.has(this.numberState) ? '' : '0';
        break;
      case 'literal':
        middle = this.literalRest;
        break;
      case 'key':
        middle = '"_": null';
        break;
      case 'colon':
        middle = ': null';
        break;
      case 'value':
        middle = 'null';
        break;
      case 'start':
        return '{}';
      default:
        break;
    }
    return middle + [...this.stack].reverse().map((c) => (c === 'object' ? '}' : ']')).join('');
  }

  private step(ch: string): boolean {
    if (this.state === 'string') return this.stringChar(ch);
    if (this.state === 'literal') {
      if (ch !== this.literalRest[0]) return false;
      this.literalRest = this.literalRest.slice(1);
      if (this.literalRest === '') this.state = 'afterValue';
      return true;
    }
    if (this.state === 'number') {
      if (this.numberChar(ch)) return true;
      if (!NUMBER_COMPLETE.has(this.numberState)) return false;
      this.state = 'afterValue';
    }
    if (WHITESPACE.has(ch)) return true;
    switch (this.state) {
      case 'start':
        return ch === '{' && this.open('object');
      case 'keyOrEnd':
        if (ch === '}') return this.close('object');
        return this.startKey(ch);
      case 'key':
        return this.startKey(ch);
      case 'colon':
        if (ch !== ':') return false;
        this.state = 'value';
        return true;
      case 'valueOrEnd':
        if (ch === ']') return this.close('array');
        return this.startValue(ch);
      case 'value':
        return this.startValue(ch);
      case 'afterValue':
        if (ch === ',') {
          this.state = this.stack[this.stack.length - 1] === 'object' ? 'key' : 'value';
          return true;
        }
        if (ch === '}') return this.close('object');
        if (ch === ']') return this.close('array');
        return false;
      default:
        return false;
    }
  }

  private open(container: Container): boolean {
    this.stack.push(container);
    this.state = container === 'object' ? 'keyOrEnd' : 'valueOrEnd';
    return true;
  }

  private close(container: Container): boolean {
    if (this.stack[this.stack.length - 1] !== container) return false;
    this.stack.pop();
    this.state = this.stack.length === 0 ? 'done' : 'afterValue';
    return true;
  }

  private startKey(ch: string): boolean {
    if (ch !== '"') return false;
    this.state = 'string';
    this.stringIsKey = true;
    return true;
  }

  private startValue(ch: string): boolean {
    if (ch === '{') return this.open('object');
    if (ch === '[') return this.open('array');
    if (ch === '"') {
      this.state = 'string';
      this.stringIsKey = false;
      return true;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      this.state = 'number';
      this.numberState = ch === '-' ? 'minus' : ch === '0' ? 'zero' : 'int';
      return true;
    }
    const rest = LITERALS[ch];
    if (rest === undefined) return false;
    this.state = 'literal';
    this.literalRest = rest;
    return true;
  }

  private stringChar(ch: string): boolean {
    if (this.escape === 1) {
      if (ch === 'u') this.escape = 5;
      else if (SIMPLE_ESCAPES.has(ch)) this.escape = 0;
      else return false;
      return true;
    }
    if (this.escape > 1) {
      if (!/[0-9a-fA-F]/.test(ch)) return false;
      this.escape = this.escape === 2 ? 0 : this.escape - 1;
      return true;
    }
    if (ch === '\\') {
      this.escape = 1;
      return true;
    }
    if (ch === '"') {
      this.state = this.stringIsKey ? 'colon' : 'afterValue';
      return true;
    }
    return ch >= ' ';
  }

  private numberChar(ch: string): boolean {
    const digit = ch >= '0' && ch <= '9';
    switch (this.numberState) {
      case 'minus':
        if (!digit) return false;
        this.numberState = ch === '0' ? 'zero' : 'int';
        return true;
      case 'zero':
      case 'int':
        if (digit && this.numberState === 'int') return true;
        if (ch === '.') this.numberState = 'dot';
        else if (ch === 'e' || ch === 'E') this.numberState = 'exp';
        else return false;
        return true;
      case 'dot':
      case 'frac':
        if (digit) {
          this.numberState = 'frac';
          return true;
        }
        if (this.numberState === 'frac' && (ch === 'e' || ch === 'E')) {
          this.numberState = 'exp';
          return true;
        }
        return false;
      case 'exp':
        if (ch === '+' || ch === '-') {
          this.numberState = 'expSign';
          return true;
        }
        if (!digit) return false;
        this.numberState = 'expDigits';
        return true;
      case 'expSign':
      case 'expDigits':
        if (!digit) return false;
        this.numberState = 'expDigits';
        return true;
    }
  }
}
