// Whether Claude Code has a credential of its own: an API key or token in the environment, a claude.ai login,
// a `claude setup-token` token (CLAUDE_CODE_OAUTH_TOKEN) or an apiKeyHelper. Only when it has none does the
// launcher give it a placeholder token (so it starts); otherwise its own authentication is left alone and the
// proxy relays it to Anthropic for Claude routes and fallback.
// The environment and a stored claude.ai login (~/.claude/.credentials.json, as on Linux and Windows) answer
// at once; anything else (a login in the macOS keychain, an apiKeyHelper in some settings file) is asked of
// `claude auth status --json` (about 0.3 s), which the launcher runs beside the proxy's start. If claude cannot
// say (an older version without `auth status`), Claude Code is taken to have no credential.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { homeDir } from '../config/paths.js';

/** Variables that give Claude Code a credential by themselves. */
export const CREDENTIAL_ENV = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN'] as const;

const AUTH_STATUS_TIMEOUT_MS = 5_000;

export interface CredentialQuery {
  bin: string;
  /** The user's environment, as claude will get it. */
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export async function claudeHasCredential(query: CredentialQuery): Promise<boolean> {
  if (CREDENTIAL_ENV.some((name) => Boolean(query.env[name]))) return true;
  if (await storedLogin(query.env)) return true;
  return parseLoggedIn(await authStatusOutput(query)) ?? false;
}

/**
 * What `claude auth status --json` prints ('' when it cannot run). node:child_process rather than execa:
 * this is on the start path of a proxied run, and execa costs more to load than the call.
 */
function authStatusOutput(query: CredentialQuery): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(query.bin, ['auth', 'status', '--json'], {
      env: query.env,
      cwd: query.cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: AUTH_STATUS_TIMEOUT_MS,
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (part: string) => (stdout += part));
    child.once('error', () => resolve(''));
    child.once('close', () => resolve(stdout));
  });
}

/** `loggedIn` of `claude auth status --json`, or undefined when the output is not that. */
export function parseLoggedIn(stdout: unknown): boolean | undefined {
  if (typeof stdout !== 'string') return undefined;
  try {
    const answer = JSON.parse(stdout) as { loggedIn?: unknown } | null;
    return typeof answer?.loggedIn === 'boolean' ? answer.loggedIn : undefined;
  } catch {
    return undefined;
  }
}

/** A claude.ai login stored in Claude Code's credentials file (the file also holds other tokens, such as MCP servers'). */
async function storedLogin(env: NodeJS.ProcessEnv): Promise<boolean> {
  const dir = env.CLAUDE_CONFIG_DIR || join(homeDir(env), '.claude');
  try {
    const stored = JSON.parse(await readFile(join(dir, '.credentials.json'), 'utf8')) as { claudeAiOauth?: { accessToken?: unknown } } | null;
    return typeof stored?.claudeAiOauth?.accessToken === 'string' && stored.claudeAiOauth.accessToken !== '';
  } catch {
    return false;
  }
}
