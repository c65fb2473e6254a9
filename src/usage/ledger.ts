// The usage ledger, `<OSS_HOME>/usage.json`:
//   { "<local YYYY-MM-DD>": { "<prompt>": { requests, tokens, input_tokens, output_tokens, cache_read_tokens,
//       cache_write_tokens, cost_usd, fallbacks, unpriced?, models: { "<model>": { same counters } } } } }
// A run merges its records once, under an inter-process lock (proper-lockfile: retries, stale detection),
// and replaces the file by an atomic rename (write-file-atomic): parallel runs lose nothing and a killed
// writer never leaves a half-written ledger. An unreadable ledger is moved aside, never deleted.
// Both libraries (with graceful-fs and signal-exit) load on the first merge, not with this module: the
// start of every run reads its dates and paths, and only a run with usage to record writes.
import { readdir, rename, rm, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ossHome } from '../config/paths.js';
import { readOptionalFile } from '../config/read-optional-file.js';
import { writeFileAtomically } from '../config/write-file-atomically.js';
import { roundUsd } from './cost.js';
import { OssError } from '../errors.js';

export interface UsageCounters {
  requests: number;
  /** input + output + cache read + cache write tokens. */
  tokens: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  cost_usd: number;
  /** Requests answered by Claude because the provider failed. */
  fallbacks: number;
  /** Requests with no known price (counted at 0 USD). Present only when > 0. */
  unpriced?: number;
}

export interface PromptUsage extends UsageCounters {
  models: Record<string, UsageCounters>;
}

export type DayUsage = Record<string, PromptUsage>;
export type Ledger = Record<string, DayUsage>;

/** One priced request, ready for the ledger. */
export interface LedgerRecord {
  prompt: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  cost_usd: number;
  unpriced: boolean;
  fallback: boolean;
  /** Epoch ms; its local date is the ledger day. */
  at: number;
}

export interface MergeOptions {
  /** Where a one-line warning goes (a corrupt ledger moved aside). Default: stderr. */
  warn?: (line: string) => void;
  /** A lock not refreshed for this long (ms) belongs to a dead writer and is taken over. Default 10 s, min 2 s. */
  staleMs?: number;
}

export function ledgerPath(env: NodeJS.ProcessEnv): string {
  return join(ossHome(env), 'usage.json');
}

/** Local calendar date, YYYY-MM-DD. */
export function localDate(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function emptyCounters(): UsageCounters {
  return { requests: 0, tokens: 0, input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cache_write_tokens: 0, cost_usd: 0, fallbacks: 0 };
}

/** Add records to a ledger (mutates and returns it). */
export function addRecords(ledger: Ledger, records: LedgerRecord[]): Ledger {
  for (const record of records) {
    const day = (ledger[localDate(record.at)] ??= {});
    const prompt = (day[record.prompt] ??= { ...emptyCounters(), models: {} });
    prompt.models ??= {};
    addTo(prompt, record);
    addTo((prompt.models[record.model] ??= emptyCounters()), record);
  }
  return ledger;
}

function addTo(counters: UsageCounters, record: LedgerRecord): void {
  const tokens = record.input_tokens + record.output_tokens + record.cache_read_tokens + record.cache_write_tokens;
  counters.requests = num(counters.requests) + 1;
  counters.tokens = num(counters.tokens) + tokens;
  counters.input_tokens = num(counters.input_tokens) + record.input_tokens;
  counters.output_tokens = num(counters.output_tokens) + record.output_tokens;
  counters.cache_read_tokens = num(counters.cache_read_tokens) + record.cache_read_tokens;
  counters.cache_write_tokens = num(counters.cache_write_tokens) + record.cache_write_tokens;
  counters.cost_usd = roundUsd(num(counters.cost_usd) + record.cost_usd);
  counters.fallbacks = num(counters.fallbacks) + (record.fallback ? 1 : 0);
  if (record.unpriced) counters.unpriced = num(counters.unpriced) + 1;
}

/** A counter from a file someone may have edited: anything but a finite number counts as 0. */
function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * The ledger on disk; {} when there is none. An unreadable one is moved to `usage.json.corrupt-<time>`
 * (under the lock, after checking again, so a writer's fresh file is never the one moved) with a one-line
 * warning, and {} is returned so recording continues.
 */
export async function readLedger(env: NodeJS.ProcessEnv, options: MergeOptions = {}): Promise<Ledger> {
  const path = ledgerPath(env);
  const found = await readLedgerFile(path);
  if (found !== 'corrupt') return found;
  return withLock(path, options, () => readOrMoveAside(path, options));
}

/** Add one ledger's counters into another (mutates and returns `ledger`). */
export function addLedger(ledger: Ledger, delta: Ledger): Ledger {
  for (const [date, prompts] of Object.entries(delta)) {
    const day = (ledger[date] ??= {});
    for (const [name, usage] of Object.entries(prompts)) {
      const prompt = (day[name] ??= { ...emptyCounters(), models: {} });
      prompt.models ??= {};
      addCounters(prompt, usage);
      for (const [model, counters] of Object.entries(usage.models)) addCounters((prompt.models[model] ??= emptyCounters()), counters);
    }
  }
  return ledger;
}

function addCounters(into: UsageCounters, from: UsageCounters): void {
  for (const key of ['requests', 'tokens', 'input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'fallbacks'] as const) {
    into[key] = num(into[key]) + from[key];
  }
  into.cost_usd = roundUsd(num(into.cost_usd) + from.cost_usd);
  if (from.unpriced) into.unpriced = num(into.unpriced) + from.unpriced;
}

/** Merge records into the ledger on disk, under the lock, with an atomic replace. */
export async function mergeIntoLedger(records: LedgerRecord[], env: NodeJS.ProcessEnv, options: MergeOptions = {}): Promise<void> {
  if (records.length === 0) return;
  await mergeLedgerDelta(addRecords({}, records), env, options);
}

/** Merge already-summed counters (a long-running `oss serve`'s unmerged usage) into the ledger on disk. */
export async function mergeLedgerDelta(delta: Ledger, env: NodeJS.ProcessEnv, options: MergeOptions = {}): Promise<void> {
  if (Object.keys(delta).length === 0) return;
  const path = ledgerPath(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await withLock(path, options, async () => {
    await removeOrphanTempFiles(path);
    const ledger = addLedger(await readOrMoveAside(path, options), delta);
    await writeFileAtomically(path, `${JSON.stringify(ledger, null, 1)}\n`, { mode: 0o600 }).catch((error: unknown) => {
      throw withPath(error, `${path}: cannot be written`);
    });
  });
}

async function withLock<T>(path: string, options: MergeOptions, work: () => Promise<T>): Promise<T> {
  const { default: lockfile } = await import('proper-lockfile');
  const release = await lockfile
    .lock(path, {
      realpath: false,
      stale: Math.max(2000, options.staleMs ?? 10_000),
      retries: { retries: 100, factor: 1.3, minTimeout: 10, maxTimeout: 500, randomize: true },
    })
    .catch((error: unknown) => {
      throw withPath(error, `${path}: could not take the lock ${path}.lock`);
    });
  try {
    return await work();
  } finally {
    await release();
  }
}

/** Only while holding the lock. */
async function readOrMoveAside(path: string, options: MergeOptions): Promise<Ledger> {
  const found = await readLedgerFile(path);
  if (found !== 'corrupt') return found;
  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, aside);
  (options.warn ?? warnOnStderr)(`oss: ${path} was unreadable or not a usage ledger; moved it to ${aside} and started a new ledger.`);
  return {};
}

async function readLedgerFile(path: string): Promise<Ledger | 'corrupt'> {
  const text = await readOptionalFile(path).catch((error: unknown) => {
    throw withPath(error, `${path}: cannot be read`, (error as NodeJS.ErrnoException).code === 'EISDIR' ? '; it is a folder: move it aside' : '');
  });
  if (text === undefined) return {};
  return parseLedger(text) ?? 'corrupt';
}

function parseLedger(text: string): Ledger | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isLedgerShape(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `{ day: { prompt: { counters…, models?: { model: { counters… } } } } }`. Counters someone edited into
 * non-numbers are tolerated (they count as 0); objects where objects belong are required, or the next merge
 * would fail the same way on every run.
 */
function isLedgerShape(value: unknown): value is Ledger {
  if (!isObject(value)) return false;
  for (const day of Object.values(value)) {
    if (!isObject(day)) return false;
    for (const prompt of Object.values(day)) {
      if (!isObject(prompt)) return false;
      if (prompt.models !== undefined && (!isObject(prompt.models) || !Object.values(prompt.models).every(isObject))) return false;
    }
  }
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * write-file-atomic's temp files (`usage.json.<hex>`) left by a writer that was killed mid-write. Every
 * writer holds the lock while writing, so while we hold it any such file is an orphan.
 */
async function removeOrphanTempFiles(path: string): Promise<void> {
  const dir = dirname(path);
  const orphan = new RegExp(`^${basename(path).replace(/\./g, '\\.')}\\.\\d+$`);
  for (const name of await readdir(dir)) {
    if (orphan.test(name)) await rm(join(dir, name), { force: true });
  }
}

/** An fs error as one line that names the file: `<path>: cannot be read (EISDIR); it is a folder: move it aside`. */
function withPath(error: unknown, what: string, next = ''): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return Object.assign(new OssError(`${what} (${reason})${next}`), code ? { code } : {});
}

function warnOnStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}
