// Claude Code retries a dead base URL for about 3 minutes before it gives up, so the launcher checks that
// the proxy answers before it spawns claude.
import { OssError } from '../errors.js';

export async function checkProxyHealth(baseUrl: string, timeoutMs = 5_000): Promise<void> {
  let status: number;
  try {
    const response = await fetch(`${baseUrl}/`, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
  } catch (error) {
    throw new OssError(`the oss proxy at ${hostOf(baseUrl)} did not answer its health check (${error instanceof Error ? error.message : String(error)}): claude was not started`);
  }
  if (status < 200 || status >= 300) {
    throw new OssError(`the oss proxy at ${hostOf(baseUrl)} failed its health check (HTTP ${status}): claude was not started`);
  }
}

/** host:port only: the secret path never appears in a message. */
function hostOf(baseUrl: string): string {
  return new URL(baseUrl).host;
}
