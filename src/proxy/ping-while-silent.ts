// Edge case 11: reasoning models can be silent for minutes before the first token. While nothing has been
// written for `intervalMs`, send a `ping` so Claude Code's read timeout does not fire.
export interface SilenceTimer {
  /** Something was written: restart the silence count. */
  touch(): void;
  stop(): void;
}

export function pingWhileSilent(ping: () => void, intervalMs: number): SilenceTimer {
  let last = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - last >= intervalMs) {
      last = Date.now();
      ping();
    }
  }, Math.max(1, Math.floor(intervalMs / 2)));
  timer.unref();
  return {
    touch: () => {
      last = Date.now();
    },
    stop: () => clearInterval(timer),
  };
}
