// Thrown while reading a provider's answer when one piece of it grows past a size no real provider reaches
// (one SSE event, one tool call's arguments): reading stops there instead of holding gigabytes, and the
// adapter turns it into a ProviderError naming the provider (upstream-http.ts).

export const MB = 1024 * 1024;

export class UpstreamTooLargeError extends Error {
  /** `what` completes "the provider sent …", e.g. "an SSE event larger than 16 MB". */
  constructor(readonly what: string) {
    super(`the provider sent ${what}`);
    this.name = 'UpstreamTooLargeError';
  }
}
