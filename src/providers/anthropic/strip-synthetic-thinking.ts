// Edge case 28: thinking blocks whose signature oss invented (a model switch mid-session leaves them in the
// history) must not reach a real Anthropic endpoint, which rejects unknown signatures. Pure: returns the
// same messages array when nothing is stripped, so the caller can forward the original bytes.
import { isSyntheticSignature } from '../common/anthropic-stream-writer.js';

interface Block {
  type?: unknown;
  signature?: unknown;
}

interface Message {
  role?: unknown;
  content?: unknown;
}

function isSyntheticThinking(block: unknown): boolean {
  const b = block as Block | null;
  return Boolean(b && b.type === 'thinking' && isSyntheticSignature(typeof b.signature === 'string' ? b.signature : undefined));
}

export function stripSyntheticThinking(messages: unknown[]): unknown[] {
  if (!messages.some((m) => Array.isArray((m as Message).content) && ((m as Message).content as unknown[]).some(isSyntheticThinking))) {
    return messages;
  }
  const out: unknown[] = [];
  for (const message of messages) {
    const m = message as Message;
    if (!Array.isArray(m.content)) {
      out.push(message);
      continue;
    }
    const content = (m.content as unknown[]).filter((block) => !isSyntheticThinking(block));
    // An assistant turn that held only invented thinking would become empty, which Anthropic rejects.
    if (content.length > 0) out.push({ ...m, content });
  }
  return out;
}
