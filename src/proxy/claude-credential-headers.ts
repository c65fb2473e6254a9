// Claude Code's own credential, per request. The launcher gives Claude Code a placeholder token (the per-run
// secret) only when it has no credential of its own; the proxy recognises it, never forwards it, and then
// knows Claude cannot be reached for this request. Any other `authorization` or `x-api-key` is the user's (a
// claude.ai login's `Bearer sk-ant-oat01-…`, an API key, an apiKeyHelper's key): relayed to Anthropic for
// Claude routes and fallback, and to no other provider (pass-through-headers.ts gives other providers only
// their own key; translated providers build their own headers).
import type { IncomingHttpHeaders } from 'node:http';
import { carriesClaudeCredentials } from './server-tools/claude-credentials.js';

export interface CredentialHeaders {
  /** The request's headers without the placeholder. */
  headers: IncomingHttpHeaders;
  /** The request carried the placeholder and no credential of the user's: Claude is out of reach. */
  placeholderOnly: boolean;
}

export function claudeCredentialHeaders(headers: IncomingHttpHeaders, placeholder: string | undefined): CredentialHeaders {
  if (placeholder === undefined || headers.authorization !== `Bearer ${placeholder}`) return { headers, placeholderOnly: false };
  const { authorization: _placeholder, ...own } = headers;
  return { headers: own, placeholderOnly: !carriesClaudeCredentials(own, placeholder) };
}
