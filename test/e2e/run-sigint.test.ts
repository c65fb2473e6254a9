// (g) Ctrl-C during a stream: oss forwards SIGINT to claude, exits 130, frees the proxy's port and records
// the usage of the request that was cut short.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { isListening } from '../support/closed-port.js';
import { CLAUDE_BIN, makeProject, onlyDay, openAIProvider } from '../support/e2e-run.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** An OpenAI-compatible upstream that streams one word every 100 ms until the client goes away. */
async function slowUpstream(): Promise<{ url: string; streaming: Promise<void>; server: Server }> {
  let started: () => void = () => undefined;
  const streaming = new Promise<void>((resolve) => {
    started = resolve;
  });
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const send = (delta: Record<string, unknown>): void => {
        res.write(`data: ${JSON.stringify({ id: 'chatcmpl-slow', object: 'chat.completion.chunk', created: 0, model: 'slow', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
      };
      send({ role: 'assistant', content: '' });
      let n = 0;
      const timer = setInterval(() => {
        send({ content: `word${n} ` });
        n += 1;
        if (n === 3) started();
      }, 100);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, streaming, server };
}

describe('SIGINT during a stream (real claude, oss as a child process)', () => {
  it('exits 130, frees the proxy port and records the usage so far', async () => {
    const upstream = await slowUpstream();
    const project = makeProject({ providers: { scripted: openAIProvider(upstream.url) } });
    cleanups.push(() => project.remove());
    // A wrapper that notes the proxy URL claude was given, then becomes the real claude.
    const urlFile = join(project.root, 'base-url.txt');
    const wrapper = join(project.root, 'claude-wrapper.sh');
    writeFileSync(wrapper, `#!/bin/sh\nprintf '%s' "$ANTHROPIC_BASE_URL" > '${urlFile}'\nexec '${CLAUDE_BIN}' "$@"\n`);
    chmodSync(wrapper, 0o755);

    const oss = execa('node', [join(process.cwd(), 'bin/oss.js'), 'run', 'tell me a long story', '-m', 'scripted/slow-1', '--no-fallback', '-p', '--claude-bin', wrapper], {
      cwd: project.dir,
      env: project.env({ SCRIPTED_API_KEY: 'sk-scripted', CLAUDE_CODE_MAX_RETRIES: '0' }),
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      timeout: 110_000,
    });
    await upstream.streaming;
    expect(existsSync(urlFile)).toBe(true);
    const port = Number(new URL(readFileSync(urlFile, 'utf8')).port);
    expect(await isListening(port)).toBe(true);

    oss.kill('SIGINT');
    const result = await oss;

    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(130);
    expect(await isListening(port)).toBe(false);
    const run = onlyDay(project.ledger()).adhoc;
    expect(run?.requests).toBe(1);
    expect(Object.keys(run?.models ?? {})).toEqual(['scripted/slow-1']);
    expect(result.stderr).toMatch(/oss: adhoc · scripted\/slow-1 · 1 request · /);
  }, 120_000);
});
