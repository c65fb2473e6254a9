// The one reader for files that may not exist yet (config layers, credentials, the ledger).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readConfigText, readOptionalFile } from '../../src/config/read-optional-file.js';
import { ConfigError } from '../../src/errors.js';
import { captureIO, tempProject } from '../routing/temp-project.js';

const dir = mkdtempSync(join(tmpdir(), 'oss-read-optional-'));

describe('readOptionalFile', () => {
  it('gives the text of a file, and undefined for a file that does not exist', async () => {
    writeFileSync(join(dir, 'there.json'), '{"a":1}');
    expect(await readOptionalFile(join(dir, 'there.json'))).toBe('{"a":1}');
    expect(await readOptionalFile(join(dir, 'missing.json'))).toBeUndefined();
  });

  it('throws any other failure (a folder where the file should be)', async () => {
    mkdirSync(join(dir, 'a-folder'));
    const failure = await readOptionalFile(join(dir, 'a-folder')).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect([(failure as NodeJS.ErrnoException).code, (failure as Error).message]).toEqual(['EISDIR', 'EISDIR: illegal operation on a directory, read']);
  });
});

describe('readConfigText', () => {
  it('turns an unreadable config file into a ConfigError naming the file', async () => {
    const file = join(dir, 'a-folder');
    await expect(readConfigText(file)).rejects.toEqual(new ConfigError(`${file}: cannot be read (EISDIR); check the file and its permissions`));
  });

  it('makes oss models config and oss models set exit 2 with that one line, writing nothing', async () => {
    const p = tempProject();
    const file = join(p.root, '.oss', 'config.json');
    mkdirSync(file, { recursive: true });
    for (const argv of [['models', 'config'], ['models', 'set', 'oss:ship', 'claude', '--project']]) {
      const io = captureIO(p.root, p.env);
      expect(await main(argv, io)).toBe(2);
      expect(io.err()).toBe(`oss: ${file}: cannot be read (EISDIR); check the file and its permissions\n`);
    }
  });
});
