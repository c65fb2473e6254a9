// Which headers go to an Anthropic-speaking upstream, and which come back to Claude Code.
// Native Claude gets everything Claude Code sent (its own x-api-key / authorization, betas, custom headers)
// minus hop-by-hop ones: the proxy must be invisible. An `anthropic`-type provider gets only the protocol
// headers plus its own key: the user's Anthropic credentials never leave for another provider.
import type { IncomingHttpHeaders } from 'node:http';

const NOT_FORWARDED = new Set([
  'host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade', 'te', 'trailer',
  'proxy-authorization', 'proxy-connection', 'expect',
  // The usage tap reads the answer, so it must come back uncompressed.
  'accept-encoding',
]);

const PROTOCOL_HEADERS = ['anthropic-version', 'anthropic-beta'];

const RETURNED = new Set(['content-type', 'request-id', 'retry-after', 'retry-after-ms', 'x-should-retry']);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

export function claudeRequestHeaders(incoming: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    const text = single(value);
    if (text !== undefined && !NOT_FORWARDED.has(name)) out[name] = text;
  }
  out['content-type'] = 'application/json';
  return out;
}

export function providerRequestHeaders(
  incoming: IncomingHttpHeaders,
  apiKey: string | undefined,
  configured: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...configured };
  for (const name of PROTOCOL_HEADERS) {
    const text = name === 'anthropic-beta' ? withoutLoginBetas(single(incoming[name])) : single(incoming[name]);
    if (text !== undefined) out[name] = text;
  }
  if (apiKey) {
    out['x-api-key'] = apiKey;
    out.authorization = `Bearer ${apiKey}`;
  }
  return out;
}

/**
 * Betas minus those of Claude Code's Anthropic login (`oauth-2025-04-20`): they describe the user's claude.ai
 * credential, which another provider never gets. Undefined when nothing is left.
 */
function withoutLoginBetas(betas: string | undefined): string | undefined {
  if (betas === undefined || !betas.includes('oauth-')) return betas;
  const kept = betas.split(',').map((beta) => beta.trim()).filter((beta) => beta !== '' && !beta.startsWith('oauth-'));
  return kept.length > 0 ? kept.join(',') : undefined;
}

/** The upstream answer's headers that Claude Code acts on (retry hints, rate limits, request id). */
export function returnedHeaders(upstream: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(upstream)) {
    const text = single(value);
    if (text !== undefined && (RETURNED.has(name) || name.startsWith('anthropic-ratelimit-'))) out[name] = text;
  }
  return out;
}
