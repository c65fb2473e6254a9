// The ledger never loses a record: parallel runs merge under a lock, a killed writer never leaves a
// half-written usage.json, and an unreadable ledger is moved aside (never deleted) while recording continues.
// The writer processes run the built code: `npm run build` first.
import { execa, type ResultPromise } from 'execa';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { addRecords, localDate, mergeIntoLedger, readLedger, type Ledger, type LedgerRecord } from '../../src/usage/ledger.js';

const writer = resolve(import.meta.dirname, '..', 'support', 'ledger-writer.mjs');
const today = localDate(Date.now());

let ossHome = '';
beforeEach(async () => {
  ossHome = await mkdtemp(join(tmpdir(), 'oss-ledger-'));
});

const spawnWriter = (prompt: string, count: number, mode?: string): ResultPromise =>
  execa('node', [writer, prompt, String(count), ...(mode ? [mode] : [])], { env: { OSS_HOME: ossHome }, reject: false });

const readJson = async (): Promise<Ledger> => JSON.parse(await readFile(join(ossHome, 'usage.json'), 'utf8'));

function record(overrides: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    prompt: 'oss:ship', model: 'openai/gpt-4o', input_tokens: 10, output_tokens: 5, cache_read_tokens: 0, cache_write_tokens: 0,
    cost_usd: 0.001, unpriced: false, fallback: false, at: Date.now(), ...overrides,
  };
}

describe('ledger under parallel writers', () => {
  it('keeps all 1,000 records when 20 processes each record 50 requests at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => spawnWriter(`p${i % 4}`, 50)));
    for (const result of results) expect(result.exitCode, String(result.stderr)).toBe(0);
    const day = (await readJson())[today]!;
    const requests = Object.values(day).reduce((sum, prompt) => sum + prompt.requests, 0);
    expect(requests).toBe(1000);
    expect(day.p0).toMatchObject({ requests: 250, tokens: 3750, input_tokens: 2500, output_tokens: 1250 });
    expect(day.p0?.models['openai/gpt-4o']?.requests).toBe(250);
    const leftovers = (await readdir(ossHome)).filter((name) => name !== 'usage.json');
    expect(leftovers).toEqual([]);
  }, 120_000);

  it('never leaves a half-written usage.json when a writer is SIGKILLed mid-write', async () => {
    // A big ledger makes each write take long enough for kills to land inside it.
    const big: Ledger = {};
    for (let d = 0; d < 3000; d += 1) {
      big[`2000-01-${String(d).padStart(4, '0')}`] = { seed: { ...record(), requests: 1, tokens: 15, fallbacks: 0, models: {} } } as never;
    }
    await writeFile(join(ossHome, 'usage.json'), JSON.stringify(big, null, 1));
    for (let round = 0; round < 6; round += 1) {
      const child = spawnWriter('killed', 5, '--loop');
      // Kill at a random moment once it is writing (after its first merge, so past any stale-lock wait).
      await new Promise<void>((started) => child.stdout?.once('data', () => started()));
      await new Promise((done) => setTimeout(done, Math.floor(Math.random() * 120)));
      child.kill('SIGKILL');
      await child;
      const ledger = await readJson();
      expect(Object.keys(ledger).length).toBeGreaterThanOrEqual(3000);
      const names = await readdir(ossHome);
      // Whatever a killed writer leaves behind (its lock, its temp file) never carries the ledger's name.
      expect(names.filter((name) => name.startsWith('usage.json') && !/^usage\.json(\.lock|\.\d+)?$/.test(name))).toEqual([]);
    }
    // Recording continues after the kills (stale lock taken over, orphaned temp files removed).
    const last = await spawnWriter('after', 3);
    expect(last.exitCode, String(last.stderr)).toBe(0);
    expect((await readJson())[today]?.after?.requests).toBe(3);
    expect((await readdir(ossHome)).filter((name) => /^usage\.json\.\d+$/.test(name))).toEqual([]);
  }, 120_000);
});

describe('corrupt ledger', () => {
  it('moves an unreadable ledger aside with a one-line warning and keeps recording', async () => {
    await writeFile(join(ossHome, 'usage.json'), '{"2024-01-12": {"oss:ship": {"requests": 3,');
    const warnings: string[] = [];
    await mergeIntoLedger([record()], { OSS_HOME: ossHome }, { warn: (line) => warnings.push(line) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/usage\.json was unreadable or not a usage ledger; moved it to .*usage\.json\.corrupt-.* and started a new ledger\.$/);
    const aside = (await readdir(ossHome)).filter((name) => name.startsWith('usage.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(ossHome, aside[0]!), 'utf8')).toBe('{"2024-01-12": {"oss:ship": {"requests": 3,');
    expect((await readJson())[today]?.['oss:ship']?.requests).toBe(1);
  });

  it('treats a ledger that is JSON but not the ledger shape as unreadable', async () => {
    await writeFile(join(ossHome, 'usage.json'), '[1, 2, 3]');
    const warnings: string[] = [];
    expect(await readLedger({ OSS_HOME: ossHome }, { warn: (line) => warnings.push(line) })).toEqual({});
    expect(warnings).toHaveLength(1);
  });

  it('moves aside a ledger that is valid JSON of the wrong shape ({"day":{"adhoc":5}}) and records the run', async () => {
    for (const wrong of ['{"day":{"adhoc":5}}', '{"2024-01-12":{"adhoc":{"requests":1,"models":[1]}}}']) {
      await writeFile(join(ossHome, 'usage.json'), wrong);
      const warnings: string[] = [];
      await mergeIntoLedger([record()], { OSS_HOME: ossHome }, { warn: (line) => warnings.push(line) });
      const aside = (await readdir(ossHome)).filter((name) => name.startsWith('usage.json.corrupt-')).sort();
      expect(warnings).toEqual([`oss: ${join(ossHome, 'usage.json')} was unreadable or not a usage ledger; moved it to ${join(ossHome, aside.at(-1)!)} and started a new ledger.`]);
      expect(await readFile(join(ossHome, aside.at(-1)!), 'utf8')).toBe(wrong);
      expect(Object.keys(await readJson())).toEqual([today]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });

  it('names the ledger path when a folder stands in its place', async () => {
    const { mkdir } = await import('node:fs/promises');
    const path = join(ossHome, 'usage.json');
    await mkdir(path);
    await expect(mergeIntoLedger([record()], { OSS_HOME: ossHome })).rejects.toThrow(`${path}: cannot be read (EISDIR); it is a folder: move it aside`);
    await expect(readLedger({ OSS_HOME: ossHome })).rejects.toThrow(`${path}: cannot be read (EISDIR); it is a folder: move it aside`);
  });

  it('keeps counting on top of counters someone edited into non-numbers', () => {
    const ledger = { [today]: { 'oss:ship': { requests: 'x', models: {} } } } as unknown as Ledger;
    expect(addRecords(ledger, [record()])[today]?.['oss:ship']).toMatchObject({ requests: 1, tokens: 15 });
  });

  it('writes the ledger with mode 0600', async () => {
    await mergeIntoLedger([record()], { OSS_HOME: ossHome });
    const { statSync } = await import('node:fs');
    expect(statSync(join(ossHome, 'usage.json')).mode & 0o777).toBe(0o600);
  });
});
