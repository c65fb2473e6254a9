// A CliIO whose output is captured, for running commands in-process.
import { PassThrough } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';

export interface CapturedIO extends CliIO {
  out: string[];
  err: string[];
  stdoutText(): string;
  stderrText(): string;
}

export function capturedIO(env: NodeJS.ProcessEnv, cwd: string): CapturedIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stdin: new PassThrough(),
    stdinIsTTY: false,
    env,
    cwd,
  };
}
