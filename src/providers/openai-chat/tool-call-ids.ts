// Tool-call ids sent upstream when history is replayed. Claude Code only ever holds `toolu_…` ids (made by
// oss or by Anthropic); the upstream's own ids are not kept, because no server checks that a replayed id is
// one it issued, only that each `tool` message names a call of the preceding assistant message. The mapping
// is a pure function of the Claude Code id, so a call and its result always agree and a fresh proxy
// (`claude --resume`) translates the same history the same way.
import { createHash } from 'node:crypto';

const OPENAI_ID = /^[a-zA-Z0-9_-]{1,40}$/;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export type ToolIdStyle = 'openai' | 'mistral';

export function upstreamToolCallId(id: string, style: ToolIdStyle): string {
  if (style === 'mistral') return base62Hash(id, 9);
  return OPENAI_ID.test(id) ? id : `call_${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;
}

function base62Hash(id: string, length: number): string {
  const digest = createHash('sha256').update(id).digest();
  let out = '';
  for (let i = 0; i < length; i += 1) out += BASE62[(digest[i] ?? 0) % BASE62.length];
  return out;
}
