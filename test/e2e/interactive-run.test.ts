// `oss run` with no prompt opens an interactive session on the resolved plan; --resume and --continue reopen
// one through oss; after an interactive run oss prints its own resume line (a stand-in claude that records its
// arguments and writes the transcript Claude Code would; the real claude is checked by hand in tmux, see
// docs/decisions.md).
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { transcriptDir } from '../../src/launcher/interactive-session.js';
import { statusLineCommand } from '../../src/launcher/status-line-setting.js';
import { capturedIO } from '../support/captured-io.js';
import { makeProject, type E2eProject } from '../support/e2e-run.js';

const cleanups: Array<() => void> = [];
/** What a proxied run gives claude before the user's arguments: the permission mode and oss's status line. */
const PROXIED = ['--permission-mode', 'default', '--settings', JSON.stringify({ statusLine: { type: 'command', command: statusLineCommand(), padding: 0 } })];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Records its arguments; writes `<session>.jsonl` for --session-id / --resume, or SESSION_FOR_CONTINUE's. */
function sessionClaude(project: E2eProject): string {
  const path = join(project.root, 'session-claude.mjs');
  writeFileSync(
    path,
    `#!${process.execPath}
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const args = process.argv.slice(2);
writeFileSync(process.env.ARGS_DUMP, JSON.stringify(args));
const at = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const id = at('--session-id') ?? at('--resume') ?? process.env.SESSION_FOR_CONTINUE;
if (id && process.env.TRANSCRIPTS) {
  mkdirSync(process.env.TRANSCRIPTS, { recursive: true });
  writeFileSync(join(process.env.TRANSCRIPTS, id + '.jsonl'), '{}\\n');
}
`,
  );
  chmodSync(path, 0o755);
  return path;
}

async function run(project: E2eProject, argv: string[], extra: Record<string, string> = {}) {
  const bin = sessionClaude(project);
  const dump = join(project.root, 'args.json');
  const io = capturedIO(project.env({ ARGS_DUMP: dump, ANTHROPIC_API_KEY: 'sk-test', TRANSCRIPTS: transcriptDir(project.dir, { HOME: project.home }), ...extra }), project.dir);
  const code = await main([...argv, '--claude-bin', bin, '-q'], io);
  return { code, args: JSON.parse(readFileSync(dump, 'utf8')) as string[], err: io.stderrText() };
}

describe('interactive oss run', () => {
  it('opens claude with no prompt on the --model route, with a session id, and prints the oss resume line', async () => {
    const project = makeProject({});
    cleanups.push(() => project.remove());
    const result = await run(project, ['run', '--model', 'ollama/llama3.2']);
    const id = result.args[5] ?? '';
    expect(result.code).toBe(0);
    expect(result.args).toEqual([...PROXIED, '--session-id', id]);
    expect(result.err).toBe(`oss: to resume this session through oss: oss run --resume ${id} --model ollama/llama3.2\n`);
  });

  it('opens native claude untouched when every route is Claude, and leaves the model out of the resume line', async () => {
    const project = makeProject({});
    cleanups.push(() => project.remove());
    const result = await run(project, ['run']);
    const id = result.args[1] ?? '';
    expect([result.code, result.args, result.err]).toEqual([0, ['--session-id', id], `oss: to resume this session through oss: oss run --resume ${id}\n`]);
  });

  it('passes --resume <id> to claude through the plan of models.default', async () => {
    const project = makeProject({ models: { default: 'ollama/llama3.2' } });
    cleanups.push(() => project.remove());
    const result = await run(project, ['run', '--resume', '6f1c2a9e-0000-4000-8000-000000000001']);
    expect([result.code, result.args, result.err]).toEqual([
      0,
      [...PROXIED, '--resume', '6f1c2a9e-0000-4000-8000-000000000001'],
      'oss: to resume this session through oss: oss run --resume 6f1c2a9e-0000-4000-8000-000000000001 --model ollama/llama3.2\n',
    ]);
  });

  it('passes --continue and names the session claude wrote during the run', async () => {
    const project = makeProject({});
    cleanups.push(() => project.remove());
    mkdirSync(transcriptDir(project.dir, { HOME: project.home }), { recursive: true });
    const result = await run(project, ['run', '-c', '-m', 'ollama/llama3.2'], { SESSION_FOR_CONTINUE: 'continued-session' });
    expect([result.code, result.args, result.err]).toEqual([
      0,
      [...PROXIED, '--continue'],
      'oss: to resume this session through oss: oss run --resume continued-session --model ollama/llama3.2\n',
    ]);
  });

  it('prints no resume line in print mode and refuses -p without a prompt', async () => {
    const project = makeProject({});
    cleanups.push(() => project.remove());
    const printed = await run(project, ['run', 'hello', '-p']);
    expect([printed.code, printed.args, printed.err]).toEqual([0, ['-p', 'hello'], '']);
    const io = capturedIO(project.env(), project.dir);
    expect(await main(['run', '-p'], io)).toBe(2);
    expect(io.stderrText()).toBe('oss: oss run -p needs a prompt: a slash command such as /oss:ship, or text (leave out -p for an interactive session)\n');
  });
});
