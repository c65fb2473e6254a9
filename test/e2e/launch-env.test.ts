// What `oss run` hands claude when the proxy is in play, seen by a stand-in claude that dumps its arguments
// and environment: the proxy URL with its secret path, the model variables, the auth token, the permission
// mode; the one-time notices; and a proxy that is gone once claude has exited.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { isListening } from '../support/closed-port.js';
import { claudeModelEnv, makeProject } from '../support/e2e-run.js';
import { readDump, writeFakeClaude } from '../support/fake-claude.js';
import { statusLineCommand } from '../../src/launcher/status-line-setting.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('oss run with a non-Claude route (stand-in claude)', () => {
  it('gives claude the proxy URL, the model variables, the secret as token and --permission-mode default, then closes the proxy', async () => {
    const project = makeProject({ models: { background: 'ollama/llama3.2' } });
    cleanups.push(() => project.remove());
    const fake = writeFakeClaude(project.root);
    const dump = join(project.root, 'dump.json');
    const io = capturedIO(project.env({ FAKE_CLAUDE_DUMP: dump, FAKE_CLAUDE_EXIT: '3' }), project.dir);

    const code = await main(['run', '/oss:ship', 'prod', '--model', 'gemini/gemini-2.0-flash', '--claude-bin', fake, '--', '--verbose'], io);

    expect(code).toBe(3);
    const seen = readDump(dump);
    // The status line comes as flag settings (this HOME has no settings of its own), before the user's arguments.
    const settings = JSON.stringify({ statusLine: { type: 'command', command: statusLineCommand(), padding: 0 } });
    const sessionId = seen.args[6] ?? '';
    expect(seen.args).toEqual(['/oss:ship prod', '--permission-mode', 'default', '--settings', settings, '--session-id', sessionId, '--verbose']);
    expect(sessionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const base = new URL(seen.env.ANTHROPIC_BASE_URL ?? '');
    expect(base.hostname).toBe('127.0.0.1');
    const secret = base.pathname.slice(1);
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(seen.env).toMatchObject({
      ANTHROPIC_AUTH_TOKEN: secret,
      ...claudeModelEnv('gemini/gemini-2.0-flash', 'ollama/llama3.2', 1_048_576),
      HOME: project.home,
      OSS_STATUS_URL: `${base.href}/oss/status`,
    });
    expect(seen.env.ANTHROPIC_API_KEY).toBeUndefined();
    expect(await isListening(Number(base.port))).toBe(false);
    expect(io.stderrText().split('\n').filter((line) => line.includes('Claude routes and fallback to Claude are off'))).toHaveLength(1);
    expect(io.stderrText()).toMatch(/oss: oss:ship · no model called · 0 requests/);
  }, 60_000);

  it('warns up front when the main model\'s window is too small for Claude Code\'s own prompt', async () => {
    const project = makeProject({});
    cleanups.push(() => project.remove());
    const fake = writeFakeClaude(project.root);
    const io = capturedIO(project.env({ FAKE_CLAUDE_DUMP: join(project.root, 'dump.json'), ANTHROPIC_API_KEY: 'sk-ant-user' }), project.dir);

    expect(await main(['run', 'hello', '-m', 'ollama/codellama', '-p', '-q', '--claude-bin', fake], io)).toBe(0);
    expect(io.stderrText()).toBe(
      'oss: ollama/codellama has a 16,384-token context window, but Claude Code\'s own prompt and tools take about 20,000 tokens: claude will likely stop with "Prompt is too long"; pick a model with a larger window\n',
    );
  }, 60_000);
});
