// The claude binary oss would run, its version, and whether Claude Code has a credential to use (its own
// launcher/claude-credential.ts: the environment, a stored claude.ai login, else `claude auth status --json`).
import { execa } from 'execa';
import { claudeHasCredential, CREDENTIAL_ENV } from '../../launcher/claude-credential.js';
import { CLAUDE_INSTALL_COMMAND, findClaude } from '../../launcher/find-claude.js';
import { OssError } from '../../errors.js';
import { pass, problem, type CheckResult } from './check.js';

const TIMEOUT_MS = 15_000;

export async function claudeChecks(env: NodeJS.ProcessEnv, cwd: string, claudeBin?: string): Promise<CheckResult[]> {
  let bin: string;
  try {
    bin = findClaude({ env, ...(claudeBin ? { claudeBin } : {}) });
  } catch (error) {
    const message = error instanceof OssError ? error.message : String(error);
    return [
      problem('claude', `claude: ${message.replace(/:.*$/, '')}`, `install Claude Code with \`${CLAUDE_INSTALL_COMMAND}\`, or pass --claude-bin PATH`),
      problem('claude-login', 'Claude Code login: unknown (no claude to ask)', 'install Claude Code first'),
    ];
  }
  const version = await execa(bin, ['--version'], { env, extendEnv: false, cwd, reject: false, timeout: TIMEOUT_MS, stdin: 'ignore' });
  const versionText = version.exitCode === 0 ? /^\S+/.exec(String(version.stdout).trim())?.[0] : undefined;
  const claude = versionText
    ? pass('claude', `claude ${versionText} (${bin})`)
    : problem('claude', `claude at ${bin} did not report a version (exit ${version.exitCode ?? 'none'})`, `reinstall Claude Code with \`${CLAUDE_INSTALL_COMMAND}\``);
  return [claude, await loginCheck(bin, env, cwd)];
}

async function loginCheck(bin: string, env: NodeJS.ProcessEnv, cwd: string): Promise<CheckResult> {
  if (!(await claudeHasCredential({ bin, env, cwd }))) {
    return problem(
      'claude-login',
      'Claude Code login: none (Claude routes and fallback to Claude will not work)',
      'run `claude /login` (subscription) or set ANTHROPIC_API_KEY',
    );
  }
  const fromEnv = CREDENTIAL_ENV.filter((name) => Boolean(env[name]));
  return pass('claude-login', `Claude Code login: ${fromEnv.length > 0 ? fromEnv.join(', ') : 'its own (claude.ai login or apiKeyHelper)'}`);
}
