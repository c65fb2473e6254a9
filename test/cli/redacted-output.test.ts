// Issue 9 (7): every line the CLI prints goes through redaction, whichever command made it: here
// `oss models refresh` naming base URLs that carry user:pass@ and ?api_key= (text and --json).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';
import { closedPort } from '../support/closed-port.js';

describe('CLI output is redacted', () => {
  it('oss models refresh names a base URL without its credentials or key parameter', async () => {
    const port = await closedPort();
    const env = {
      HOME: process.env.HOME,
      OSS_HOME: process.env.OSS_HOME,
      OPENROUTER_BASE_URL: `http://alice:pa55word@127.0.0.1:${port}/api/v1?api_key=sekret123`,
      OLLAMA_HOST: `http://127.0.0.1:${port}`,
    };
    const io = capturedIO(env, process.env.HOME!);
    expect(await main(['models', 'refresh', '--json'], io)).toBe(1);
    const shown = `http://[redacted]@127.0.0.1:${port}/api/v1?api_key=[redacted]`;
    const result = JSON.parse(io.stdoutText()) as { sources: { openrouter: Record<string, unknown> } };
    expect(result.sources.openrouter).toEqual({
      ok: false,
      url: shown,
      error: `Request cannot be constructed from a URL that includes credentials: ${shown}`,
      keptFetchedAt: null,
    });
    expect(io.stdoutText() + io.stderrText()).not.toMatch(/pa55word|sekret123/);
  });
});
