// Environment variables that make Claude Code (and so oss) do something the user did not mean: an API key
// next to an auth token (Claude Code uses one, silently), and an ANTHROPIC_BASE_URL left over from an
// earlier proxy (nothing listens there any more, so every Claude request fails after minutes of retries).
import { pass, problem, type CheckResult } from './check.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export async function environmentChecks(env: NodeJS.ProcessEnv): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  if (env.ANTHROPIC_API_KEY && env.ANTHROPIC_AUTH_TOKEN) {
    results.push(
      problem('env', 'environment: both ANTHROPIC_API_KEY and ANTHROPIC_AUTH_TOKEN are set (Claude Code sends only one of them)', 'unset the one you do not mean to use'),
    );
  }
  const baseUrl = env.ANTHROPIC_BASE_URL;
  if (baseUrl) {
    let url: URL | undefined;
    try {
      url = new URL(baseUrl);
    } catch {
      results.push(problem('env', `environment: ANTHROPIC_BASE_URL=${baseUrl} is not a URL`, 'fix it or `unset ANTHROPIC_BASE_URL`'));
    }
    if (url && LOOPBACK.has(url.hostname) && !(await answers(url))) {
      results.push(
        problem('env', `environment: ANTHROPIC_BASE_URL=${url.origin} (loopback) does not answer: likely left over from an earlier proxy`, '`unset ANTHROPIC_BASE_URL` (oss sets it per run itself)'),
      );
    }
  }
  if (results.length === 0) results.push(pass('env', 'environment: no conflicting ANTHROPIC_* variables'));
  return results;
}

async function answers(url: URL): Promise<boolean> {
  try {
    await fetch(url.origin, { method: 'HEAD', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
