// `oss doctor [--json]`: one ✓/✗ line per check, each ✗ with its fix (cli/doctor/). Exit 0 when every check
// passes, 1 otherwise, so scripts and CI can gate on it.
//
// JSON output (stable): { "ok": boolean, "checks": [{ "id": string, "ok": boolean, "detail": string, "fix"?: string }] }
import type { CliIO } from '../../io.js';
import { formatCheck } from '../doctor/check.js';
import { claudeChecks } from '../doctor/claude-checks.js';
import { configChecks } from '../doctor/config-checks.js';
import { environmentChecks } from '../doctor/environment-checks.js';

export async function doctor(opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const claudeBin = typeof opts.claudeBin === 'string' ? opts.claudeBin : undefined;
  const [claude, env, config] = await Promise.all([claudeChecks(io.env, io.cwd, claudeBin), environmentChecks(io.env), configChecks(io.cwd, io.env)]);
  const checks = [...claude, ...env, ...config];
  const ok = checks.every((check) => check.ok);
  io.stdout(opts.json ? `${JSON.stringify({ ok, checks }, null, 2)}\n` : checks.map(formatCheck).join(''));
  return ok ? 0 : 1;
}
