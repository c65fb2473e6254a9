// The real Claude Code 2.1.332 client against the proxy: it must accept the translated stream as it is
// (claude-code-behavior.md §6 is strict), and the provider must see only its own key.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { openAITextStream, openAIToolCallStream, startOpenAIUpstream, type ScriptedUpstream } from '../support/scripted-openai-upstream.js';
import { CLAUDE_BIN } from '../support/e2e-run.js';
import { planFor, startProxy, type StartedProxy } from '../support/proxy-harness.js';


let upstream: ScriptedUpstream | undefined;
let running: StartedProxy | undefined;

afterEach(async () => {
  await running?.proxy.shutdown();
  await upstream?.close();
});

function claudeEnv(home: string, proxy: StartedProxy, model: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    ANTHROPIC_BASE_URL: proxy.proxy.baseUrl,
    ANTHROPIC_AUTH_TOKEN: proxy.proxy.secret,
    ANTHROPIC_MODEL: model,
    ANTHROPIC_SMALL_FAST_MODEL: model,
    CLAUDE_CODE_MAX_CONTEXT_TOKENS: '64000',
    ENABLE_TOOL_SEARCH: 'false',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    CLAUDE_CODE_MAX_RETRIES: '0',
  };
}

/** `claude -p <prompt>` in `home` against the proxy, as the user would run it; never throws. */
function claudePrint(home: string, prompt: string, proxy: StartedProxy, model: string) {
  return execa(CLAUDE_BIN, ['-p', prompt, '--permission-mode', 'default'], {
    cwd: home,
    extendEnv: false,
    // Claude Code 2.0 in -p mode reads a piped stdin to its end before it starts.
    stdin: 'ignore',
    reject: false,
    timeout: 60_000,
    env: claudeEnv(home, proxy, model),
  });
}

function scratchHome(): string {
  const home = join(mkdtempSync(join(tmpdir(), 'oss-claude-')), 'home');
  mkdirSync(home, { recursive: true });
  return home;
}

describe('real claude through the proxy', () => {
  it('prints the provider answer translated by the proxy, exit 0', async () => {
    upstream = await startOpenAIUpstream(() => openAITextStream(['Hello from ', 'the provider.'], { prompt: 40, completion: 5 }));
    const model = 'openrouter/deepseek/deepseek-chat';
    running = await startProxy({ plan: planFor(model), env: { OPENROUTER_BASE_URL: upstream.url, OPENROUTER_API_KEY: 'sk-or-key' }, claudeAvailable: false });
    const home = scratchHome();
    const result = await claudePrint(home, 'Say hello', running!, model);
    expect(result.stdout.trim()).toBe('Hello from the provider.');
    expect(result.exitCode).toBe(0);
    expect(upstream.requests.length).toBeGreaterThanOrEqual(1);
    for (const request of upstream.requests) {
      expect(request.headers.authorization).toBe('Bearer sk-or-key');
      expect(JSON.stringify(request.headers)).not.toContain(running.proxy.secret);
    }
    expect(running.usage[0]).toMatchObject({ model, provider: 'openrouter', input_tokens: 40, output_tokens: 5, outcome: 'ok' });
  }, 90_000);

  it('runs a tool loop: the provider calls Read, claude runs it and sends the result back translated', async () => {
    const model = 'openai/gpt-4o';
    const home = scratchHome();
    const note = join(home, 'note.txt');
    writeFileSync(note, 'pineapple\n');
    upstream = await startOpenAIUpstream((_request, index) =>
      index === 0
        ? openAIToolCallStream('call_read_1', 'Read', ['{"file_path":', ` ${JSON.stringify(note)}}`])
        : openAITextStream(['The note says pineapple.']),
    );
    running = await startProxy({ plan: planFor(model), env: { OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: 'sk-openai' }, claudeAvailable: false });
    const result = await claudePrint(home, 'What does note.txt say?', running!, model);
    expect(result.stdout.trim()).toBe('The note says pineapple.');
    expect(result.exitCode).toBe(0);
    expect(upstream.requests).toHaveLength(2);
    const followUp = upstream.requests[1]!.body as { messages: Array<{ role: string; tool_call_id?: string; content?: unknown; tool_calls?: unknown[] }> };
    const assistant = followUp.messages.find((message) => message.role === 'assistant');
    expect(assistant?.tool_calls).toEqual([expect.objectContaining({ type: 'function', function: expect.objectContaining({ name: 'Read' }) as unknown })]);
    const toolMessage = followUp.messages.find((message) => message.role === 'tool');
    expect(JSON.stringify(toolMessage?.content)).toContain('pineapple');
  }, 90_000);
});
