// Whether a request can be answered by Claude with the user's own credentials, judged from what Claude Code
// sent: its `x-api-key`, or an `authorization` that is not the proxy's own per-run secret (which the launcher
// gives Claude Code only when the user has no Claude credential at all). A claude.ai subscriber's
// `Bearer sk-ant-oat01-…`, an apiKeyHelper's key and ANTHROPIC_API_KEY all count.
import type { IncomingHttpHeaders } from 'node:http';

export function carriesClaudeCredentials(headers: IncomingHttpHeaders, proxySecret: string | undefined): boolean {
  const apiKey = single(headers['x-api-key']);
  if (apiKey && apiKey !== proxySecret) return true;
  const authorization = single(headers.authorization)?.replace(/^Bearer\s+/i, '');
  return Boolean(authorization) && authorization !== proxySecret;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
