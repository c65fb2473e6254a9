// Checks that read oss's own files: the config layers (valid, no unknown keys), a key for every provider a
// route uses, Ollama reachable with the models pulled, the ledger readable, ~/.oss private, and routes that
// cannot work (retired models; agents or background on a model without tools or with under 32k context).
import { readFile, stat } from 'node:fs/promises';
import type { OssConfig } from '../../config/config-types.js';
import { credentialsPath, getApiKey, keyEnvNames } from '../../config/credentials.js';
import { loadConfig, type LoadedConfig } from '../../config/load-config.js';
import { ossHome } from '../../config/paths.js';
import { untrustedNotice } from '../../config/untrusted-config.js';
import { describeUnknownKey, findUnknownKeys } from '../../config/unknown-keys.js';
import { OssError } from '../../errors.js';
import { ollamaStatus } from '../../registry/ollama-status.js';
import { ollamaModelName } from '../../registry/ollama-models.js';
import { defaultRegistry } from '../../registry/registry.js';
import { parseProvider } from '../../model-id.js';
import { AGENT_MIN_CONTEXT, retirementNote } from '../../routing/plan-warnings.js';
import { ledgerPath, localDate } from '../../usage/ledger.js';
import { buildModelsConfigReport } from '../commands/models-config.js';
import { shownError } from '../shown-error.js';
import { pass, problem, type CheckResult } from './check.js';

/** One route a config sets up: who uses it (`/oss:ship`, `agent code-reviewer`, `background`) and its model. */
interface UsedRoute {
  user: string;
  model: string;
  needsTools: boolean;
}

export async function configChecks(cwd: string, env: NodeJS.ProcessEnv): Promise<CheckResult[]> {
  let loaded: LoadedConfig;
  let routes: UsedRoute[];
  try {
    loaded = await loadConfig({ cwd, env });
    routes = await usedRoutes(cwd, env);
  } catch (error) {
    if (!(error instanceof OssError)) throw error;
    return [problem('config', `config: ${(await shownError(error)).message}`, 'fix that file (oss ignores nothing it cannot read)'), ...(await fileChecks(env))];
  }
  const unknown = loaded.layers.filter((layer) => layer.exists).flatMap((layer) => findUnknownKeys(layer.config, layer.file));
  const files = loaded.layers.filter((layer) => layer.exists).map((layer) => layer.file);
  const config: CheckResult[] =
    unknown.length === 0 && loaded.untrusted.length === 0
      ? [pass('config', `config: ${files.length === 0 ? 'no config files (every prompt runs on Claude)' : `valid (${files.join(', ')})`}`)]
      : unknown.map((entry) => problem('config', `config: ${describeUnknownKey(entry)}`, entry.closest ? `rename it to ${entry.closest}` : 'remove it, or check the README for the setting you meant'));
  for (const untrusted of loaded.untrusted) {
    config.push(
      problem('config', `config: ${untrustedNotice(untrusted).replace(/^oss: /, '').replace(/; review it, then run .*$/, '')}`, `review it, then \`oss trust ${untrusted.file}\``),
    );
  }
  return [...config, ...(await keyChecks(routes, loaded.merged, env)), ...(await ollamaChecks(routes, loaded.merged, env)), ...routeChecks(routes, loaded.merged, env), ...(await fileChecks(env))];
}

async function usedRoutes(cwd: string, env: NodeJS.ProcessEnv): Promise<UsedRoute[]> {
  const report = await buildModelsConfigReport(cwd, env);
  const routes: UsedRoute[] = [{ user: 'models.default', model: report.default.model, needsTools: false }];
  if (report.background) routes.push({ user: 'background', model: report.background.model, needsTools: true });
  if (report.search) routes.push({ user: 'WebSearch', model: report.search.model, needsTools: false });
  for (const row of report.prompts) {
    if (row.model === 'default' || row.source === 'builtin' || row.source === 'default') continue;
    routes.push({ user: row.type === 'command' ? `/${row.name}` : `${row.type} ${row.name}`, model: row.model, needsTools: row.type === 'agent' });
  }
  return routes.filter((route) => parseProvider(route.model) !== 'claude');
}

function usersOf(routes: UsedRoute[], keep: (route: UsedRoute) => boolean): string {
  return [...new Set(routes.filter(keep).map((route) => route.user))].join(', ');
}

async function keyChecks(routes: UsedRoute[], config: OssConfig, env: NodeJS.ProcessEnv): Promise<CheckResult[]> {
  const providers = [...new Set(routes.map((route) => parseProvider(route.model) ?? ''))].filter((name) => name !== '' && name !== 'ollama').sort();
  const results: CheckResult[] = [];
  for (const provider of providers) {
    const names = keyEnvNames(provider, config, env);
    if (names.length === 0) continue;
    const users = usersOf(routes, (route) => parseProvider(route.model) === provider);
    results.push(
      (await getApiKey(provider, config, env))
        ? pass('keys', `key for ${provider}: found (used by ${users})`)
        : problem('keys', `key for ${provider}: none (used by ${users})`, `\`oss models keys set ${provider}\`, or set ${names.join(' or ')}`),
    );
  }
  if (results.length === 0) results.push(pass('keys', 'keys: no route needs a provider key'));
  return results;
}

async function ollamaChecks(routes: UsedRoute[], config: OssConfig, env: NodeJS.ProcessEnv): Promise<CheckResult[]> {
  const ollama = routes.filter((route) => parseProvider(route.model) === 'ollama');
  if (ollama.length === 0) return [];
  const status = await ollamaStatus(config, env, defaultRegistry(env), 1000);
  if (status.source !== 'live' || !status.installed) {
    return [problem('ollama', `Ollama: not reachable at ${new URL(status.url).origin} (used by ${usersOf(ollama, () => true)})`, 'start it with `ollama serve`, or set OLLAMA_HOST / providers.ollama.baseUrl')];
  }
  const results: CheckResult[] = [];
  for (const model of [...new Set(ollama.map((route) => route.model))].sort()) {
    const name = ollamaModelName(model.slice('ollama/'.length));
    const installed = status.installed.includes(name) || status.installed.includes(`${name}:latest`);
    results.push(installed ? pass('ollama', `Ollama: ${name} is pulled`) : problem('ollama', `Ollama: ${name} is not pulled (used by ${usersOf(ollama, (route) => route.model === model)})`, `\`ollama pull ${name}\``));
  }
  return results;
}

function routeChecks(routes: UsedRoute[], config: OssConfig, env: NodeJS.ProcessEnv): CheckResult[] {
  const registry = defaultRegistry(env);
  const today = localDate(Date.now());
  const results: CheckResult[] = [];
  for (const route of routes) {
    const info = registry.getModelInfo(route.model, config);
    if (!info || info.synthetic) continue;
    const note = retirementNote(info.deprecationDate, today);
    if (note) results.push(problem('routes', `route ${route.user} → ${route.model}: ${note}`, `pick another with \`oss models search ${info.provider}\``));
    const lacks = [
      route.needsTools && !info.tools ? 'no tool support' : '',
      info.contextWindow !== null && info.contextWindow < AGENT_MIN_CONTEXT ? `a ${info.contextWindow.toLocaleString('en-US')}-token context window` : '',
    ].filter(Boolean);
    if (lacks.length > 0) results.push(problem('routes', `route ${route.user} → ${route.model}: ${lacks.join(' and ')} (Claude Code needs tools and 32k)`, 'pick another with `oss models search tools`'));
  }
  if (results.length === 0) results.push(pass('routes', `routes: ${routes.length === 0 ? 'every prompt runs on Claude' : 'no retired models, every agent model has tools and 32k context'}`));
  return results;
}

async function fileChecks(env: NodeJS.ProcessEnv): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const ledger = ledgerPath(env);
  try {
    JSON.parse(await readFile(ledger, 'utf8'));
    results.push(pass('ledger', `ledger: ${ledger} is readable`));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    results.push(
      code === 'ENOENT'
        ? pass('ledger', `ledger: none yet (${ledger} is written after the first proxied run)`)
        : problem('ledger', `ledger: ${ledger} is not readable (${code ?? 'not valid JSON'})`, `move it aside (\`mv ${ledger} ${ledger}.bad\`); the next run starts a new one`),
    );
  }
  const home = ossHome(env);
  const homeMode = await mode(home);
  const credentials = credentialsPath(env);
  const credentialsMode = await mode(credentials);
  if (homeMode !== undefined && (homeMode & 0o077) !== 0) {
    results.push(problem('oss-home', `${home}: mode ${homeMode.toString(8)}, readable by others`, `\`chmod 700 ${home}\``));
  } else if (credentialsMode !== undefined && (credentialsMode & 0o077) !== 0) {
    results.push(problem('oss-home', `${credentials}: mode ${credentialsMode.toString(8)}, readable by others`, `\`chmod 600 ${credentials}\``));
  } else {
    results.push(pass('oss-home', `${home}: ${homeMode === undefined ? 'not created yet' : 'private'}`));
  }
  return results;
}

async function mode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return undefined;
  }
}
