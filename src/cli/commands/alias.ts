// `oss alias [--shell bash|zsh|fish]`: shell functions for every routed command and agent, plus config
// `aliases`, ready to eval from a shell rc file (cli/shell/aliases.ts says what each function runs).
import type { CliIO } from '../../io.js';
import { UsageError } from '../../errors.js';
import { buildModelsConfigReport } from './models-config.js';
import { loadConfig } from '../../config/load-config.js';
import { aliasWords, commandFunctionName, isValidFunctionName, renderAliases, type AliasDefinition } from '../shell/aliases.js';
import { defaultShell, SHELLS, type Shell } from '../shell/shell-quote.js';

export async function alias(opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const shell = typeof opts.shell === 'string' ? opts.shell : defaultShell(io.env);
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`--shell ${shell}: expected bash, zsh or fish`);
  const report = await buildModelsConfigReport(io.cwd, io.env);
  const definitions: AliasDefinition[] = [];
  for (const row of report.prompts) {
    const routed = row.source !== 'builtin' && row.source !== 'default' && row.model !== 'default';
    if (!routed) continue;
    if (row.type === 'command') definitions.push({ name: commandFunctionName(row.name), words: [`/${row.name}`], origin: `/${row.name} → ${row.model}` });
    if (row.type === 'agent') definitions.push({ name: commandFunctionName(`agent-${row.name}`), words: [`@agent-${row.name}`], origin: `agent ${row.name} → ${row.model}` });
  }
  const loaded = await loadConfig({ cwd: io.cwd, env: io.env });
  const aliases = (loaded.merged.aliases ?? {}) as Record<string, string | string[]>;
  for (const [name, value] of Object.entries(aliases)) {
    if (!isValidFunctionName(name)) {
      io.stderr(`oss: warning: aliases[${JSON.stringify(name)}]: not a usable function name (letters, digits, "_" and "-"); skipped\n`);
      continue;
    }
    const index = definitions.findIndex((definition) => definition.name === name);
    const definition = { name, words: aliasWords(value), origin: `aliases.${name} in config` };
    if (index >= 0) definitions[index] = definition;
    else definitions.push(definition);
  }
  io.stdout(renderAliases(definitions, shell as Shell));
  return 0;
}
