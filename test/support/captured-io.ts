// A CliIO whose output is captured, for running commands in-process. Its stdin is empty and already ended,
// so a `claude -p` started through it does not wait for piped input.
import { PassThrough } from 'node:stream';
import type { CliIO } from '../../src/io.js';

export interface CapturedIO extends CliIO {
  out: string[];
  err: string[];
  stdoutText(): string;
  stderrText(): string;
}

export function capturedIO(env: NodeJS.ProcessEnv, cwd: string): CapturedIO {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  stdin.end();
  return {
    out,
    err,
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stdin,
    stdinIsTTY: false,
    env,
    cwd,
  };
}
