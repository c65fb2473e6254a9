// What every wire format's stream translator is to the adapter: bytes in, Anthropic events out (through the
// AnthropicStreamWriter it was given), and the provider's own usage figures read off the stream. A translator
// estimates nothing for the ledger: when the provider sent no figures the proxy estimates, in one place
// (proxy/usage-reporting.ts usageOrEstimate).
import type { TranslatedUsage } from './upstream-usage.js';

export interface StreamTranslator {
  push(chunk: Uint8Array | string): void;
  /** End of the upstream body. */
  end(): void;
  /** The provider's own figures seen so far (final once end() returned); all zero when it sent none. */
  readonly usage: TranslatedUsage;
}
