// Issue 9: `kill -9` of oss left claude retrying the dead proxy for about 147 s. With the watchdog, the real
// claude is gone within seconds of oss dying mid-request. (The time is measured by bench/kill9-claude.mjs;
// this test only bounds it far below the 147 s of retries it replaces.)
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAUDE_BIN, makeProject, openAIProvider } from '../support/e2e-run.js';
import { startOpenAIUpstream } from '../support/scripted-openai-upstream.js';
import { until } from '../support/proxy-harness.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

describe('kill -9 of oss (real claude)', () => {
  it('stops claude promptly instead of leaving it retrying a dead proxy', async () => {
    const upstream = await startOpenAIUpstream(() => ({ kind: 'never-answer' }));
    cleanups.push(() => upstream.close());
    const project = makeProject({ providers: { scripted: openAIProvider(upstream.url) } });
    cleanups.push(() => project.remove());
    // A wrapper that notes its pid, then becomes the real claude (exec keeps the pid).
    const pidFile = join(project.root, 'claude.pid');
    const wrapper = join(project.root, 'claude-wrapper.sh');
    writeFileSync(wrapper, `#!/bin/sh\necho $$ > '${pidFile}'\nexec '${CLAUDE_BIN}' "$@"\n`);
    chmodSync(wrapper, 0o755);

    const oss = execa('node', [join(process.cwd(), 'bin/oss.js'), 'run', 'hello', '-m', 'scripted/m1', '--no-fallback', '-p', '--claude-bin', wrapper], {
      cwd: project.dir,
      env: project.env({ SCRIPTED_API_KEY: 'sk-scripted' }),
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
    });
    cleanups.push(() => {
      if (oss.exitCode === null) oss.kill('SIGKILL');
    });
    await until(() => upstream.requests.length > 0, 'claude\'s first request at the upstream');
    expect(existsSync(pidFile)).toBe(true);
    const claudePid = Number(readFileSync(pidFile, 'utf8').trim());
    cleanups.push(() => {
      if (alive(claudePid)) process.kill(claudePid, 'SIGKILL');
    });
    expect(alive(claudePid)).toBe(true);

    oss.kill('SIGKILL');
    await oss;
    // Polls for up to 20 s: without the watchdog claude keeps retrying for about 147 s.
    for (let i = 0; i < 200 && alive(claudePid); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(claudePid)).toBe(false);
  }, 60_000);
});
