// One `oss doctor` check result: ✓ or ✗, what was found, and for a ✗ the next step.
export interface CheckResult {
  /** Stable id for --json (`claude`, `claude-login`, `env`, `config`, `keys`, `ollama`, `ledger`, `oss-home`, `routes`). */
  id: string;
  ok: boolean;
  /** What was found, one line. */
  detail: string;
  /** For a ✗: what to do. */
  fix?: string;
}

export function pass(id: string, detail: string): CheckResult {
  return { id, ok: true, detail };
}

export function problem(id: string, detail: string, fix: string): CheckResult {
  return { id, ok: false, detail, fix };
}

export function formatCheck(check: CheckResult): string {
  return check.ok ? `✓ ${check.detail}\n` : `✗ ${check.detail} → ${check.fix ?? ''}\n`;
}
