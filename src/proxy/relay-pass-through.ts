// Relays an Anthropic-speaking upstream's answer to Claude Code byte for byte, reading the usage on the way.
// An `anthropic`-type provider's failure (status ≥ 400 before anything was sent) is thrown as a ProviderError,
// so it can be retried or fall back like any provider; native Claude's answers are Claude Code's to judge.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { openPassThrough, type PassThroughCall } from '../providers/anthropic/pass-through.js';
import { createUsageTap } from '../providers/anthropic/usage-tap.js';
import { ProviderError } from '../providers/common/provider-error.js';
import { retryAfterSeconds } from '../providers/common/retry-after.js';
import { errorTypeForStatus } from '../providers/common/status-to-error-type.js';
import type { TargetModel } from '../providers/common/target.js';
import type { TranslatedUsage } from '../providers/common/upstream-usage.js';

export interface RelayResult {
  usage: TranslatedUsage;
  ok: boolean;
  firstByteAt: number;
  /** The answer was cut short (upstream dropped, or Claude Code left): `usage` lacks the final figures. */
  cut: boolean;
  /** Content characters relayed, for an estimate of what a cut answer used. */
  streamedChars: number;
}

export async function relayPassThrough(call: PassThroughCall, res: ServerResponse): Promise<RelayResult> {
  const answer = await openPassThrough(call);
  if (call.to.kind === 'provider' && answer.status >= 400) {
    const text = await answer.body.text();
    throw providerFailure(call.to.target, answer.status, text, answer.headers);
  }
  res.writeHead(answer.status, answer.headers);
  const firstByteAt = Date.now();
  const tap = createUsageTap(answer.headers['content-type'] ?? '');
  try {
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      tap.push(chunk);
      if (!res.write(chunk)) await once(res, 'drain', { signal: call.signal });
    }
  } catch {
    // The upstream dropped mid-answer (or Claude Code left): cut the connection as the upstream did, so
    // Claude Code's own retry logic sees the same failure it would have seen without the proxy.
    res.destroy();
    return { usage: tap.usage, ok: false, firstByteAt, cut: true, streamedChars: tap.streamedChars };
  }
  tap.end();
  res.end();
  return { usage: tap.usage, ok: answer.status < 400, firstByteAt, cut: false, streamedChars: tap.streamedChars };
}

function providerFailure(target: TargetModel, status: number, text: string, headers: Record<string, string>): ProviderError {
  let upstream = text.slice(0, 500);
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') upstream = parsed.error.message;
  } catch {
    // A non-JSON error body is shown as it is.
  }
  const retryAfter = retryAfterSeconds(headers);
  return new ProviderError({
    status,
    type: errorTypeForStatus(status),
    // A 400 stays verbatim: Claude Code reads `prompt is too long: …` from it to start compacting.
    message: status === 400 ? upstream : `${target.id} (${target.provider}): ${failureText(status, upstream, target)}`,
    retryable: status === 429 || status >= 500,
    provider: target.provider,
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  });
}

/** What failed and what to do next, for the statuses a user can act on. */
function failureText(status: number, upstream: string, target: TargetModel): string {
  if (status === 401) return `the API key was rejected (${upstream}); check the key with \`oss models keys\``;
  if (status === 403) return `access denied (${upstream}); check the key's permissions for this model`;
  if (status === 404) return `model ${target.upstreamModel} not found (${upstream}); check the model id with \`oss models search\``;
  return upstream;
}
