// `oss statusline`: the command Claude Code runs for its status line. It reads (and ignores) the JSON Claude
// Code pipes to it, asks the live proxy of this run for its totals at OSS_STATUS_URL (set by `oss run` in
// claude's environment; loopback, behind the run's secret path) and prints one line. Without a live run, or
// when the proxy does not answer within half a second, it prints nothing and exits 0: a status line must never
// show an error or hold Claude Code up.
import { request } from 'node:http';
import type { Readable } from 'node:stream';
import type { CliIO } from '../../io.js';
import type { RunStatus } from '../../proxy/run-status.js';
import { formatStatusLine } from '../render/status-line.js';

const TIMEOUT_MS = 500;

export async function statusline(io: CliIO): Promise<number> {
  if (!io.stdinIsTTY) await drain(io.stdin);
  const url = io.env.OSS_STATUS_URL;
  if (!url || !url.startsWith('http://127.0.0.1:')) return 0;
  const status = await fetchStatus(url);
  if (status) io.stdout(`${formatStatusLine(status)}\n`);
  return 0;
}

/** Claude Code writes its JSON and closes the pipe; reading it all keeps it from seeing EPIPE. */
async function drain(stdin: Readable): Promise<void> {
  await new Promise<void>((done) => {
    const timer = setTimeout(done, TIMEOUT_MS);
    stdin.resume();
    stdin.on('end', () => {
      clearTimeout(timer);
      done();
    });
    stdin.on('error', () => {
      clearTimeout(timer);
      done();
    });
  });
}

function fetchStatus(url: string): Promise<RunStatus | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) return resolve(undefined);
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as RunStatus);
        } catch {
          resolve(undefined);
        }
      });
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}
