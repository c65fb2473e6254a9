// `oss demo`: the whole product in one command, with no key and no network. The real `claude` runs through
// the proxy against a built-in scripted OpenAI-compatible model on loopback (demo/scripted-provider.ts), in
// a temporary folder that is its HOME and working directory; the model writes hello.txt with the Write tool.
// The demo shows the route plan, the tool call, the file and the cost line, then removes the folder.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../io.js';
import type { OssConfig } from '../../config/config-types.js';
import { formatRoutePlan } from '../../routing/format-route-plan.js';
import type { RoutePlan } from '../../routing/route-plan-types.js';
import { runClaude } from '../run-claude.js';
import { runUsage } from '../run-usage.js';
import { DEMO_FILE_NAME, startDemoProvider, type DemoToolCall } from './scripted-provider.js';

export const DEMO_MODEL = 'demo/scripted';
const DEMO_PROMPT = `Create ${DEMO_FILE_NAME} with a short greeting.`;
const DEMO_CLAUDE_ARGS = ['--permission-mode', 'acceptEdits'];

export interface DemoOptions {
  claudeBin?: string;
}

export async function runDemo(options: DemoOptions, io: CliIO): Promise<number> {
  const root = await mkdtemp(join(tmpdir(), 'oss-demo-'));
  const home = join(root, 'home');
  const project = join(root, 'project');
  await mkdir(home);
  await mkdir(project);
  const provider = await startDemoProvider(project);
  try {
    const config: OssConfig = {
      models: { default: DEMO_MODEL, fallback: false },
      providers: { demo: { type: 'openai', baseUrl: provider.baseUrl } },
      pricing: { [DEMO_MODEL]: { input: 0, output: 0, contextWindow: 128_000 } },
    };
    const plan: RoutePlan = {
      prompt: { type: 'adhoc', name: 'adhoc' },
      main: { model: DEMO_MODEL, source: 'default', file: 'the demo\'s in-memory config' },
      background: { model: DEMO_MODEL, source: 'default', file: 'the demo\'s in-memory config' },
      agents: [],
      fallback: false,
    };
    const env = demoEnv(io.env, home);
    io.stdout(
      [
        'oss demo: the real Claude Code, through the oss proxy, against a built-in scripted model (no key, no network).',
        formatRoutePlan(plan).trimEnd(),
        `  provider "demo": OpenAI-compatible chat completions at ${provider.baseUrl} (scripted, built in)`,
        `Running: claude -p "${DEMO_PROMPT}" ${DEMO_CLAUDE_ARGS.join(' ')}   (in ${project})`,
        '',
      ].join('\n'),
    );
    const runLines: string[] = [];
    const code = await runClaude({
      plan,
      config,
      env,
      cwd: project,
      promptText: DEMO_PROMPT,
      print: true,
      quiet: false,
      claudeBin: options.claudeBin,
      claudeArgs: DEMO_CLAUDE_ARGS,
      stderr: (text) => runLines.push(text),
      stdin: 'ignore',
      ...runUsage(env, (line) => runLines.push(`${line}\n`)),
    });
    io.stdout(`\n${describeToolCalls(provider.toolCalls)}`);
    const written = await readFile(join(project, DEMO_FILE_NAME), 'utf8').catch(() => undefined);
    io.stdout(written === undefined ? `${DEMO_FILE_NAME} was not written.\n` : `${DEMO_FILE_NAME} now contains:\n  ${written.trimEnd()}\n`);
    for (const line of runLines) io.stderr(line);
    if (code !== 0) return code;
    if (written === undefined) {
      io.stderr('oss demo: claude finished but the file is missing; run `oss demo` again, or report it with the output above\n');
      return 1;
    }
    return 0;
  } finally {
    await provider.close();
    await rm(root, { recursive: true, force: true });
  }
}

/** A clean environment: only what claude needs to run, the demo folder as HOME, no keys of the user. */
function demoEnv(userEnv: NodeJS.ProcessEnv, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    OSS_HOME: join(home, '.oss'),
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  };
  for (const name of ['PATH', 'TERM', 'LANG', 'LC_ALL', 'TMPDIR', 'OSS_CLAUDE_BIN']) {
    const value = userEnv[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function describeToolCalls(calls: DemoToolCall[]): string {
  if (calls.length === 0) return 'The model made no tool call.\n';
  return calls.map((call) => `The model called ${call.name} ${JSON.stringify(call.arguments)}\n`).join('');
}
