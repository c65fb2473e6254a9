// A blocking UserPromptSubmit prompt hook under `oss run`, with the real claude: Claude Code asks the hook's
// model for a JSON decision with `output_config.format`, and the scripted provider answers in prose unless it is
// given a schema (in the provider's own form). So the hook blocks only if the launcher environment makes Claude
// Code ask for structured output AND the proxy hands the schema on. Run for an OpenAI-compatible route and a
// Gemini route; an allowing hook lets the run go ahead. oss runs as a child process (bin/oss.js, built by
// `npm test`) because claude's output goes straight to the terminal.
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAUDE_RELEASE, IS_CLAUDE_2_0 } from '../support/claude-release.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider, type E2eProject } from '../support/e2e-run.js';
import { geminiTextMessage, geminiTextStream, startGeminiUpstream } from '../support/scripted-gemini-upstream.js';
import { openAITextMessage, openAITextStream, startOpenAIUpstream } from '../support/scripted-openai-upstream.js';
import type { ScriptedUpstream, UpstreamRequest } from '../support/scripted-upstream.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const HOOK_SETTINGS = JSON.stringify({
  hooks: { UserPromptSubmit: [{ hooks: [{ type: 'prompt', prompt: 'Block any prompt that asks to write a file. $ARGUMENTS' }] }] },
});
const BLOCKED = { ok: false, reason: 'The prompt asks to write a file.' };
const ALLOWED = { ok: true, reason: 'No file is written.' };
const PROSE = 'This looks fine to me.';

const WRITE_PROMPT = 'please write a file named notes.txt';

/** The hook's decision as a rule-following model would make it: from the user's prompt quoted in the hook input. */
function decision(request: UpstreamRequest): typeof BLOCKED | typeof ALLOWED {
  return JSON.stringify(request.body).includes(WRITE_PROMPT) ? BLOCKED : ALLOWED;
}

function openAISchemaGiven(request: UpstreamRequest): boolean {
  const format = (request.body as { response_format?: { type?: string; json_schema?: unknown } }).response_format;
  return format?.type === 'json_schema' && format.json_schema !== undefined;
}

/** OpenAI-compatible: JSON only when `response_format` carries a json_schema, prose otherwise. */
function startOpenAIHookModel(): Promise<ScriptedUpstream> {
  return startOpenAIUpstream((request) => {
    if ((request.body as { stream?: boolean }).stream) return openAITextStream([PROSE]);
    return openAITextMessage(openAISchemaGiven(request) ? JSON.stringify(decision(request)) : PROSE);
  });
}

function geminiSchemaGiven(request: UpstreamRequest): boolean {
  const config = (request.body as { generationConfig?: { responseMimeType?: string; responseJsonSchema?: unknown } }).generationConfig;
  return config?.responseMimeType === 'application/json' && config.responseJsonSchema !== undefined;
}

/** Gemini: JSON only when generationConfig carries responseJsonSchema, prose otherwise. */
function startGeminiHookModel(): Promise<ScriptedUpstream> {
  return startGeminiUpstream((request) => {
    if (request.path.endsWith(':streamGenerateContent')) return geminiTextStream([PROSE]);
    return geminiTextMessage(geminiSchemaGiven(request) ? JSON.stringify(decision(request)) : PROSE);
  });
}

interface Route {
  name: string;
  model: string;
  start(): Promise<ScriptedUpstream>;
  schemaGiven(request: UpstreamRequest): boolean;
  project(upstream: ScriptedUpstream): E2eProject;
  env: Record<string, string>;
}

const ROUTES: Route[] = [
  {
    name: 'an OpenAI-compatible route',
    model: 'scripted/hook-model',
    start: startOpenAIHookModel,
    schemaGiven: openAISchemaGiven,
    project: (upstream) => makeProject({ providers: { scripted: openAIProvider(upstream.url) } }, { '.claude/settings.json': HOOK_SETTINGS }),
    env: { SCRIPTED_API_KEY: 'sk-scripted' },
  },
  {
    name: 'a Gemini route',
    model: 'gemini/gemini-2.5-flash',
    start: startGeminiHookModel,
    schemaGiven: geminiSchemaGiven,
    project: (upstream) => makeProject({ providers: { gemini: { baseUrl: `${upstream.url}/v1beta` } } }, { '.claude/settings.json': HOOK_SETTINGS }),
    env: { GEMINI_API_KEY: 'gem-test-key' },
  },
];

async function ossRun(route: Route, prompt: string) {
  const upstream = await route.start();
  cleanups.push(() => upstream.close());
  const project = route.project(upstream);
  cleanups.push(() => project.remove());
  const result = await execa('node', [join(process.cwd(), 'bin/oss.js'), 'run', prompt, '-m', route.model, '-p', '--claude-bin', CLAUDE_BIN, '--', '--permission-mode', 'acceptEdits'], {
    cwd: project.dir,
    env: project.env({ ...route.env, CLAUDE_CODE_MAX_RETRIES: '0' }),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: 110_000,
  });
  return { result, upstream, project };
}

/**
 * Claude Code 2.0 (2.0.77 seen) crashes with `RangeError: Invalid string length` as soon as a `type: "prompt"`
 * hook is configured, before sending any request, with or without oss (docs/compatibility.md).
 */
const PROMPT_HOOKS_CRASH = IS_CLAUDE_2_0;
if (PROMPT_HOOKS_CRASH) console.warn(`structured-output-hooks: skipped, Claude Code ${CLAUDE_RELEASE} itself crashes on prompt hooks`);

describe.skipIf(PROMPT_HOOKS_CRASH).each(ROUTES)('a prompt hook under oss run on $name (real claude)', (route) => {
  it('a blocking hook stops the prompt and shows its reason; the model is asked once, with the schema', async () => {
    const { result, upstream, project } = await ossRun(route, WRITE_PROMPT);

    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Operation stopped by hook: ${BLOCKED.reason}`);
    expect(upstream.requests.map((request) => route.schemaGiven(request))).toEqual([true]);
    const run = onlyDay(project.ledger()).adhoc;
    expect(run?.requests).toBe(1);
    expect(Object.keys(run?.models ?? {})).toEqual([route.model]);
  }, 120_000);

  it('an allowing hook lets the run go ahead to the main request', async () => {
    const { result, upstream } = await ossRun(route, 'what is two plus two?');

    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe(PROSE);
    expect(upstream.requests.map((request) => route.schemaGiven(request))).toEqual([true, false]);
  }, 120_000);
});
