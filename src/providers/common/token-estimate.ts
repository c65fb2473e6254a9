// The per-request token estimate (message_start's input, the output of a stream without usage or cut short):
// a division, not a tokenizer, because it runs on every proxied request (the hot path). The upstream's real
// count, when it sends one, follows in message_delta.
const CHARS_PER_TOKEN = 4;

export function estimateTokensFromLength(characters: number): number {
  return Math.ceil(characters / CHARS_PER_TOKEN);
}
