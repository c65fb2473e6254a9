// In print mode (`claude -p`) Claude Code writes `[claude-code:unrecognized_model] {"model":…}` to stderr once per
// model id it does not know, which on a proxied run is every oss model id: noise on every run. Those lines are
// dropped; every other byte of claude's stderr passes through unchanged and in order. (Declaring the ids in
// Claude Code's `modelOverrides` would silence it too, but changes max_tokens, effort and betas.)
// Interactive runs keep claude's stderr on the terminal untouched.
import type { Readable } from 'node:stream';

export const UNRECOGNIZED_MODEL_PREFIX = '[claude-code:unrecognized_model]';

/**
 * Copies `source` to `write` line by line, leaving out unrecognized-model lines; resolves once the source has
 * ended and everything (a last line without a newline included) has been written.
 */
export function filterClaudeStderr(source: Readable, write: (text: string) => void): Promise<void> {
  let pending = '';
  const emit = (text: string): void => {
    const kept = text
      .split(/(?<=\n)/)
      .filter((line) => !line.startsWith(UNRECOGNIZED_MODEL_PREFIX))
      .join('');
    if (kept !== '') write(kept);
  };
  source.setEncoding('utf8');
  source.on('data', (chunk: string) => {
    const text = pending + chunk;
    const end = text.lastIndexOf('\n');
    pending = end < 0 ? text : text.slice(end + 1);
    if (end >= 0) emit(text.slice(0, end + 1));
  });
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      if (pending !== '') emit(pending);
      pending = '';
      resolve();
    };
    source.once('end', finish);
    source.once('error', finish);
    source.once('close', finish);
  });
}
