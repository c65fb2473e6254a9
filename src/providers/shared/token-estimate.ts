// The per-request input-token estimate for message_start: a division, not a tokenizer, because it runs on
// every proxied request (the hot path). The upstream's real count follows in message_delta.
const CHARS_PER_TOKEN = 4;

export function estimateTokensFromLength(characters: number): number {
  return Math.ceil(characters / CHARS_PER_TOKEN);
}
