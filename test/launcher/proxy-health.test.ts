import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProxyHealth } from '../../src/launcher/proxy-health.js';
import { OssError } from '../../src/errors.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(status: number): Promise<string> {
  server = createServer((req, res) => {
    res.writeHead(req.url === '/s3cr3t/' && req.method === 'HEAD' ? status : 404);
    res.end();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/s3cr3t`;
}

describe('checkProxyHealth', () => {
  it('passes when HEAD <baseUrl>/ answers 2xx', async () => {
    await expect(checkProxyHealth(await serve(200))).resolves.toBeUndefined();
  });

  it('fails with host:port and the status, never the secret path', async () => {
    const base = await serve(503);
    const error = await checkProxyHealth(base).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OssError);
    expect((error as OssError).message).toBe(`the oss proxy at ${new URL(base).host} failed its health check (HTTP 503): claude was not started`);
  });

  it('fails when nothing answers', async () => {
    const base = await serve(200);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    await expect(checkProxyHealth(base)).rejects.toThrow(/did not answer its health check .*: claude was not started$/);
  });
});
