// Validation of one config file. Errors are one line: the file, the JSON path (`models.commands["oss:ship"]`)
// and what was expected, thrown as ConfigError (exit 2). Keys this tool does not know are allowed anywhere:
// another tool shares these files.
import { ConfigError } from '../errors.js';
import type { OssConfig } from './config-types.js';
import { BUILTIN_PROVIDERS, isBuiltinProvider, isKnownProvider, type BuiltinProvider } from './providers.js';
import type { ConfigLayerFile } from './config-types.js';
import { MODEL_ID_EXPECTED, splitModelId } from '../model-id.js';
import { ModelIdError } from './model-id-error.js';

type Path = readonly string[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['models', 'commands', 'oss:ship']` → `models.commands["oss:ship"]`. */
export function formatJsonPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === '' ? '(top level)' : out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function fail(file: string, path: Path, expected: string, value: unknown): never {
  throw new ConfigError(`${file}: ${formatJsonPath(path)}: expected ${expected}, got ${describe(value)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkObject(file: string, path: Path, value: unknown): asserts value is Record<string, unknown> {
  if (!isPlainObject(value)) fail(file, path, 'an object', value);
}

function checkOptional(file: string, path: Path, value: unknown, kind: 'string' | 'boolean' | 'number'): void {
  if (value === undefined) return;
  if (typeof value !== kind || (kind === 'number' && !(Number.isFinite(value) && (value as number) >= 0))) {
    fail(file, path, kind === 'number' ? 'a number >= 0' : `a ${kind}`, value);
  }
}

function checkModelId(file: string, path: Path, value: unknown, providers: OssConfig): void {
  if (typeof value !== 'string') fail(file, path, MODEL_ID_EXPECTED, value);
  const split = splitModelId(value);
  if (!split) throw new ModelIdError(`${file}: ${formatJsonPath(path)}`, value, true);
  if (!isKnownProvider(split.provider, providers)) {
    fail(file, path, `a known provider (built in, or declared under "providers"); "${split.provider}" is neither`, value);
  }
}

/** `{ run_usd?, daily_usd? }`, each a number of dollars above 0 (shared with prompt frontmatter `budget:`). */
export function validateBudget(file: string, path: Path, budget: unknown): void {
  checkObject(file, path, budget);
  for (const key of ['run_usd', 'daily_usd']) {
    const value = budget[key];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      fail(file, [...path, key], 'a number of dollars above 0, e.g. 0.5', value);
    }
  }
}

const PROMPT_MAPS = ['commands', 'agents', 'skills', 'hooks'] as const;

function validateModels(file: string, models: unknown, providers: OssConfig): void {
  const path = ['models'];
  checkObject(file, path, models);
  for (const key of ['default', 'background', 'search'] as const) {
    if (models[key] !== undefined) checkModelId(file, [...path, key], models[key], providers);
  }
  checkOptional(file, [...path, 'fallback'], models.fallback, 'boolean');
  if (models.budget !== undefined) validateBudget(file, [...path, 'budget'], models.budget);
  for (const section of PROMPT_MAPS) {
    const map = models[section];
    if (map === undefined) continue;
    checkObject(file, [...path, section], map);
    for (const [name, model] of Object.entries(map)) checkModelId(file, [...path, section, name], model, providers);
  }
}

function validateProviders(file: string, providers: unknown): void {
  const path = ['providers'];
  checkObject(file, path, providers);
  for (const [name, section] of Object.entries(providers)) {
    const here = [...path, name];
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || name === 'claude' || name === 'default') {
      fail(file, here, 'a provider name of letters, digits, ".", "_" or "-" (not "claude" or "default")', name);
    }
    checkObject(file, here, section);
    if (section.type !== undefined && !['openai', 'gemini', 'anthropic'].includes(section.type as string)) {
      fail(file, [...here, 'type'], '"openai", "gemini" or "anthropic"', section.type);
    }
    if (section.baseUrl !== undefined && (typeof section.baseUrl !== 'string' || section.baseUrl.trim() === '')) {
      fail(file, [...here, 'baseUrl'], 'a URL such as "http://localhost:1234/v1"', section.baseUrl);
    }
    checkOptional(file, [...here, 'apiKeyEnv'], section.apiKeyEnv, 'string');
    checkOptional(file, [...here, 'thinkTags'], section.thinkTags, 'boolean');
    if (section.headers !== undefined) {
      checkObject(file, [...here, 'headers'], section.headers);
      for (const [header, value] of Object.entries(section.headers)) {
        checkOptional(file, [...here, 'headers', header], value, 'string');
      }
    }
    const timeout = section.headersTimeoutMs;
    if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0)) {
      fail(file, [...here, 'headersTimeoutMs'], 'a number of milliseconds above 0, such as 30000', timeout);
    }
  }
}

function validatePricing(file: string, pricing: unknown): void {
  checkObject(file, ['pricing'], pricing);
  for (const [model, entry] of Object.entries(pricing)) {
    const here = ['pricing', model];
    checkObject(file, here, entry);
    for (const key of ['input', 'output', 'cacheRead', 'cacheWrite', 'contextWindow', 'maxOutputTokens']) {
      checkOptional(file, [...here, key], entry[key], 'number');
    }
  }
}

function validateAliases(file: string, aliases: unknown): void {
  checkObject(file, ['aliases'], aliases);
  for (const [name, words] of Object.entries(aliases)) {
    const ok = typeof words === 'string' ? words.trim() !== '' : Array.isArray(words) && words.length > 0 && words.every((word) => typeof word === 'string');
    if (!ok) fail(file, ['aliases', name], 'the words after `oss run`, as a string ("/oss:ship --model ollama/llama3.2") or a list of strings', words);
  }
}

/**
 * Checks one parsed config file and returns it typed. `knownProviders` supplies providers declared in the
 * other layers (a project may use a provider the user declared); this file's own are always known.
 */
export function validateConfig(value: unknown, file: string, knownProviders: OssConfig = {}): OssConfig {
  checkObject(file, [], value);
  if (value.providers !== undefined) validateProviders(file, value.providers);
  const providers: OssConfig = {
    providers: { ...(knownProviders.providers ?? {}), ...((value.providers as OssConfig['providers']) ?? {}) },
  };
  if (value.models !== undefined) validateModels(file, value.models, providers);
  if (value.pricing !== undefined) validatePricing(file, value.pricing);
  if (value.aliases !== undefined) validateAliases(file, value.aliases);
  return value as OssConfig;
}

/** JSON.parse with an error that names the file and the line and column. Blank files read as `{}`. */
export function parseConfigText(text: string, file: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    let where = '';
    if (position?.[1] !== undefined) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    }
    const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    throw new ConfigError(`${file}: not valid JSON${where} (${reason}); fix the file or move it aside`);
  }
}

/** A provider that is not built in needs a `baseUrl` in some layer; the error names the first declaring file. */
export function validateDeclaredProviders(layers: readonly ConfigLayerFile[], merged: OssConfig): void {
  for (const [name, section] of Object.entries(merged.providers ?? {})) {
    if (section.baseUrl !== undefined) continue;
    if (isBuiltinProvider(name)) {
      // A built-in switched to another wire format needs that endpoint: only the Anthropic-compatible ones are known.
      const builtin: BuiltinProvider = BUILTIN_PROVIDERS[name];
      const type = section.type ?? builtin.type;
      if (type === builtin.type || (type === 'anthropic' && builtin.anthropicBaseUrl)) continue;
      const declaring = layers.find((layer) => layer.config.providers?.[name]?.type !== undefined);
      fail(declaring?.file ?? '(config)', ['providers', name, 'baseUrl'], `a base URL: ${name} has no built-in ${type} endpoint`, undefined);
    }
    const declaring = layers.find((layer) => layer.config.providers?.[name] !== undefined);
    fail(declaring?.file ?? '(config)', ['providers', name, 'baseUrl'], 'a base URL for a provider that is not built in', undefined);
  }
}
