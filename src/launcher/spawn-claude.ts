// Run `claude` with the terminal handed over (stdio inherited), forward SIGINT, SIGTERM and SIGHUP to it,
// and report how it ended: its exit code, or 128 + the signal number when a signal ended it. After a
// forwarded signal the result is 128 + that signal even when claude exits 0 (`claude -p` prints "Execution
// error" and exits 0 on SIGINT): a shell, a script or CI must see that the run was interrupted.
// node:child_process, not execa: this is on every run's start path, and execa costs more to load (about
// 15 ms of CPU bundled) than spawning claude does.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { OssError } from '../errors.js';
import { filterClaudeStderr } from './claude-stderr-filter.js';
import { CLAUDE_INSTALL_COMMAND } from './find-claude.js';
import { watchClaude } from './claude-watchdog.js';

export type ClaudeStdin = 'inherit' | 'ignore' | Readable;

export const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface SpawnClaudeInput {
  bin: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /**
   * The terminal (default); `ignore` for an empty stdin (the demo: `claude -p` otherwise waits 3 s for piped
   * input); or a stream piped to claude (a CliIO that is not the process's own).
   */
  stdin?: ClaudeStdin;
  /** Stop claude if oss dies without forwarding a signal (SIGKILL): set when claude depends on oss's proxy. */
  watchdog?: boolean;
  /** Aborted when claude must stop (its proxy failed to start): claude gets SIGTERM. */
  cancel?: AbortSignal;
  /** Print mode: claude's stderr goes here, without its unrecognized-model lines (else it is inherited). */
  filteredStderr?: (text: string) => void;
}

export async function spawnClaude(input: SpawnClaudeInput): Promise<number> {
  const child = spawn(input.bin, input.args, {
    env: input.env,
    cwd: input.cwd,
    stdio: [typeof input.stdin === 'object' ? 'pipe' : (input.stdin ?? 'inherit'), 'inherit', input.filteredStderr ? 'pipe' : 'inherit'],
  });
  // How it ended: an exit code or signal, or the error code of a spawn that failed (ENOENT, EACCES).
  const ended = new Promise<{ exitCode?: number; signal?: NodeJS.Signals; code?: string }>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ code: error.code }));
    child.once('close', (exitCode, signal) => resolve({ exitCode: exitCode ?? undefined, signal: signal ?? undefined }));
  });
  const cancel = (): void => {
    child.kill('SIGTERM');
  };
  input.cancel?.addEventListener('abort', cancel, { once: true });
  if (typeof input.stdin === 'object' && child.stdin) {
    // claude may exit or close its stdin without reading it all; that is not an error of the run.
    child.stdin.on('error', () => undefined);
    input.stdin.pipe(child.stdin);
  }
  const watchdog = input.watchdog && child.pid !== undefined ? watchClaude(child.pid) : undefined;
  const stderrDone = input.filteredStderr && child.stderr ? filterClaudeStderr(child.stderr, input.filteredStderr) : Promise.resolve();
  let forwarded: NodeJS.Signals | undefined;
  const forward = (signal: NodeJS.Signals): void => {
    forwarded ??= signal;
    child.kill(signal);
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  try {
    const result = await ended;
    await stderrDone;
    if (result.exitCode === undefined && result.signal === undefined) {
      // It never ran: ENOENT (127) or not executable (126), like a shell, in one line.
      const code = result.code;
      const missing = code === 'ENOENT';
      const reason = missing ? 'the file or its #! interpreter is missing' : (code ?? 'it could not be executed');
      throw new OssError(
        `could not start claude (${input.bin}): ${reason}; reinstall Claude Code with \`${CLAUDE_INSTALL_COMMAND}\`, or pass --claude-bin PATH`,
        missing ? 127 : 126,
      );
    }
    return forwarded ? exitCodeOf(undefined, forwarded) : exitCodeOf(result.exitCode, result.signal);
  } finally {
    input.cancel?.removeEventListener('abort', cancel);
    watchdog?.stop();
    for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
  }
}

/** claude's exit code, or 128 + signal number (SIGINT → 130), or 1 when neither is known (failed to start). */
export function exitCodeOf(exitCode: number | undefined, signal: string | undefined): number {
  if (exitCode !== undefined) return exitCode;
  const number = signal ? constants.signals[signal as NodeJS.Signals] : undefined;
  return number !== undefined ? 128 + number : 1;
}
