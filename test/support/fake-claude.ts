// A stand-in `claude` for launcher tests that only need to see what oss passes: a node script that writes
// its arguments and environment as JSON to the file named by FAKE_CLAUDE_DUMP, then exits with
// FAKE_CLAUDE_EXIT (default 0). Like the real one, `--version` only prints a version (FAKE_CLAUDE_VERSION,
// default the newest release oss is tested with), which is what oss asks a claude with no package.json beside it.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEWEST_TESTED_CLAUDE } from '../../src/launcher/claude-version.js';

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
if (process.argv[2] === '--version') {
  console.log(\`\${process.env.FAKE_CLAUDE_VERSION ?? '${NEWEST_TESTED_CLAUDE}'} (Claude Code)\`);
  process.exit(0);
}
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
