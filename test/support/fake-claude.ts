// A stand-in `claude` for launcher tests that only need to see what oss passes: a node script that writes
// its arguments and environment as JSON to the file named by FAKE_CLAUDE_DUMP, then exits with
// FAKE_CLAUDE_EXIT (default 0).
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeClaudeDump {
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

export function writeFakeClaude(dir: string): string {
  const path = join(dir, 'fake-claude.mjs');
  writeFileSync(
    path,
    `#!${process.execPath}
import { writeFileSync } from 'node:fs';
writeFileSync(process.env.FAKE_CLAUDE_DUMP, JSON.stringify({ args: process.argv.slice(2), env: process.env, cwd: process.cwd() }));
process.exit(Number(process.env.FAKE_CLAUDE_EXIT ?? 0));
`,
  );
  chmodSync(path, 0o755);
  return path;
}

export function readDump(file: string): FakeClaudeDump {
  return JSON.parse(readFileSync(file, 'utf8')) as FakeClaudeDump;
}
