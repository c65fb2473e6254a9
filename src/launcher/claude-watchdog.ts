// If oss itself is killed with SIGKILL (or crashes) while claude runs against its proxy, nothing forwards a
// signal: claude would keep retrying the dead proxy for about 147 s (10 retries, reference §5) before giving
// up. A tiny watchdog, `/bin/sh` blocked reading a pipe whose only writer is oss, wakes when oss dies (the
// kernel closes the pipe) and sends claude SIGTERM, then SIGKILL 3 s later if it is still there. It runs in
// its own process group (the terminal's Ctrl-C is not meant for it) and never keeps oss alive; oss kills it
// with SIGKILL when claude ends normally, before the pipe closes, so it never signals a pid that was reused.
// No watchdog on Windows (no /bin/sh); Claude Code has no setting that ends it when its parent dies.
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

const SCRIPT = 'read _ ; kill -TERM "$1" 2>/dev/null || exit 0; sleep 3; kill -KILL "$1" 2>/dev/null; exit 0';

export interface ClaudeWatchdog {
  /** claude ended on its own: remove the watchdog without letting it fire. */
  stop(): void;
}

export function watchClaude(claudePid: number): ClaudeWatchdog {
  if (process.platform === 'win32') return { stop: () => undefined };
  const child = spawn('/bin/sh', ['-c', SCRIPT, 'oss-watchdog', String(claudePid)], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  (child.stdin as unknown as Socket | null)?.unref();
  child.unref();
  return {
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
