// The print-mode stderr filter: only whole `[claude-code:unrecognized_model]` lines go; everything else keeps
// its bytes and order, lines split across chunks included.
import { PassThrough } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterClaudeStderr } from '../../src/launcher/claude-stderr-filter.js';
import { spawnClaude } from '../../src/launcher/spawn-claude.js';
import { writeFileSync, chmodSync } from 'node:fs';

describe('filterClaudeStderr', () => {
  it('drops unrecognized_model lines split across chunks and keeps the rest byte for byte, last unterminated line too', async () => {
    const source = new PassThrough();
    const written: string[] = [];
    const done = filterClaudeStderr(source, (text) => written.push(text));
    for (const chunk of ['warn: one\n[claude-code:unrec', 'ognized_model] {"model":"a/b"}\nsecond ', 'half\n  [claude-code:unrecognized_model] kept (indented)\n', 'tail without newline']) {
      source.write(chunk);
    }
    source.end();
    await done;
    expect(written.join('')).toBe('warn: one\nsecond half\n  [claude-code:unrecognized_model] kept (indented)\ntail without newline');
  });

  it('is what spawnClaude gives a print-mode claude: the filtered stderr arrives before the exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oss-stderr-'));
    const bin = join(dir, 'noisy-claude.mjs');
    writeFileSync(
      bin,
      `#!${process.execPath}\nprocess.stderr.write('[claude-code:unrecognized_model] {"model":"x/y","query_source":"sdk"}\\nError: real problem\\n');\nprocess.exit(3);\n`,
    );
    chmodSync(bin, 0o755);
    const written: string[] = [];
    const code = await spawnClaude({ bin, args: [], env: { PATH: process.env.PATH }, cwd: dir, stdin: 'ignore', filteredStderr: (text) => written.push(text) });
    expect([code, written.join('')]).toEqual([3, 'Error: real problem\n']);
  });
});
