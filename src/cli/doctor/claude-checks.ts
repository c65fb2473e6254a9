// The claude binary oss would run, its version against the tested releases (launcher/claude-version.ts, issue
// 16's), and whether Claude Code has a credential to use (its own
// launcher/claude-credential.ts: the environment, a stored claude.ai login, else `claude auth status --json`).
import { claudeHasCredential, CREDENTIAL_ENV } from '../../launcher/claude-credential.js';
import { checkClaudeVersion, NEWEST_TESTED_CLAUDE, OLDEST_TESTED_CLAUDE } from '../../launcher/claude-version.js';
import { CLAUDE_INSTALL_COMMAND, findClaude } from '../../launcher/find-claude.js';
import { OssError } from '../../errors.js';
import { pass, problem, type CheckResult } from './check.js';

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
  const check = await checkClaudeVersion(bin, env);
  const version = check.version?.version;
  const claude =
    check.status === 'tested'
      ? pass('claude', `claude ${version ?? ''} (${bin})`)
      : check.status === 'unknown'
        ? problem('claude', `claude at ${bin} did not report a version`, `reinstall Claude Code with \`${CLAUDE_INSTALL_COMMAND}\``)
        : problem(
            'claude',
            `claude ${version ?? ''} (${bin}) is ${check.status} than the releases oss is tested with (${OLDEST_TESTED_CLAUDE} to ${NEWEST_TESTED_CLAUDE})`,
            `\`${CLAUDE_INSTALL_COMMAND}@${NEWEST_TESTED_CLAUDE}\``,
          );
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
