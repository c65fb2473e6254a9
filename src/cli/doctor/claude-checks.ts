// The claude binary oss would run, its version, and whether Claude Code has a credential to use (its own
// `claude auth status --json`: a subscription login, an API key, a token or an apiKeyHelper).
import { execa } from 'execa';
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

interface AuthStatus {
  loggedIn?: boolean;
  authMethod?: string;
  apiKeySource?: string;
}

async function loginCheck(bin: string, env: NodeJS.ProcessEnv, cwd: string): Promise<CheckResult> {
  const result = await execa(bin, ['auth', 'status', '--json'], { env, extendEnv: false, cwd, reject: false, timeout: TIMEOUT_MS, stdin: 'ignore' });
  let status: AuthStatus | undefined;
  try {
    status = JSON.parse(String(result.stdout)) as AuthStatus;
  } catch {
    status = undefined;
  }
  if (!status) return problem('claude-login', 'Claude Code login: `claude auth status` gave no answer oss can read', 'run `claude auth status` to see why');
  if (!status.loggedIn) {
    return problem(
      'claude-login',
      'Claude Code login: not logged in (Claude routes and fallback to Claude will not work)',
      'run `claude auth login` (subscription) or set ANTHROPIC_API_KEY',
    );
  }
  const how = status.apiKeySource ? `${status.authMethod ?? 'api_key'} from ${status.apiKeySource}` : (status.authMethod ?? 'logged in');
  return pass('claude-login', `Claude Code login: ${how}`);
}
