// `oss models set <prompt> <model> [--project|--local] [--type …]` and `oss models unset <prompt> …`.
// - Layer: user config (`$OSS_HOME/config.json`) unless `--project` (.oss/config.json) or `--local`
//   (.oss/config.local.json, personal); both flags at once is a usage error.
// - Type: `--type`, else the type of the prompt file Claude Code would find under that name (a name found as
//   several types needs `--type`), else the type it is already configured as, else `command` (said on stderr
//   once the write succeeded).
// - The model id is validated first: an invalid id exits 2 and writes nothing.
// - After a write, a warning on stderr when a higher layer still sets this prompt (it wins over what was just set).
import type { CliIO } from '../../io.js';
import type { ConfigLayer, PromptType } from '../../config/config-types.js';
import { PROMPT_SECTIONS } from '../../config/config-types.js';
import { loadConfig, type LoadedConfig } from '../../config/load-config.js';
import { setModelForPrompt, unsetModelForPrompt } from '../../config/prompt-models.js';
import { UsageError } from '../../errors.js';
import { discoverPrompts } from '../../routing/prompt-files.js';

const PRECEDENCE: readonly ConfigLayer[] = ['local', 'project', 'user'];

function chosenLayer(opts: Record<string, unknown>): ConfigLayer {
  if (opts.project && opts.local) throw new UsageError('choose one of --project and --local');
  if (opts.local) return 'local';
  return opts.project ? 'project' : 'user';
}

function configuredTypes(loaded: LoadedConfig, name: string, layers: readonly ConfigLayer[]): PromptType[] {
  return (Object.keys(PROMPT_SECTIONS) as PromptType[]).filter((type) =>
    loaded.layers.some((layer) => layers.includes(layer.layer) && Object.hasOwn(layer.config.models?.[PROMPT_SECTIONS[type]] ?? {}, name)),
  );
}

/** `/oss:ship` → `oss:ship`. */
function promptName(raw: string): string {
  return raw.startsWith('/') ? raw.slice(1) : raw;
}

/** The prompt's type from its file or its existing setting; undefined when neither says. */
async function inferType(name: string, loaded: LoadedConfig, io: CliIO): Promise<PromptType | undefined> {
  const found = [...new Set((await discoverPrompts({ cwd: io.cwd, env: io.env })).filter((p) => p.name === name).map((p) => p.type))];
  if (found.length > 1) throw new UsageError(`${name} is a ${found.join(' and a ')}: add --type ${found.join('|')}`);
  if (found[0]) return found[0];
  const configured = configuredTypes(loaded, name, PRECEDENCE);
  if (configured.length > 1) throw new UsageError(`${name} is configured as a ${configured.join(' and a ')}: add --type ${configured.join('|')}`);
  if (configured[0]) return configured[0];
  return undefined;
}

function warnIfShadowed(loaded: LoadedConfig, type: PromptType, name: string, layer: ConfigLayer, io: CliIO): void {
  const higher = PRECEDENCE.slice(0, PRECEDENCE.indexOf(layer));
  for (const entry of loaded.layers) {
    if (!higher.includes(entry.layer)) continue;
    const value = entry.config.models?.[PROMPT_SECTIONS[type]]?.[name];
    if (value !== undefined) {
      io.stderr(`oss: warning: ${entry.file} (${entry.layer}) sets ${name} to ${value}, which wins over this ${layer} setting; run \`oss models unset ${name} --${entry.layer}\` to drop it\n`);
      return;
    }
  }
}

export async function modelsSet(prompt: string, model: string, opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const ctx = { cwd: io.cwd, env: io.env };
  const layer = chosenLayer(opts);
  const name = promptName(prompt);
  const loaded = await loadConfig(ctx);
  const inferred = (opts.type as PromptType | undefined) ?? (await inferType(name, loaded, io));
  const type = inferred ?? 'command';
  const file = await setModelForPrompt(ctx, type, name, model, layer);
  io.stdout(`${name} (${type}) → ${model}  in ${file}\n`);
  if (!inferred) io.stderr(`oss: no prompt file named ${name} found, so it was saved as a command (use --type agent|skill|hook to change)\n`);
  warnIfShadowed(loaded, type, name, layer, io);
  return 0;
}

export async function modelsUnset(prompt: string, opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const ctx = { cwd: io.cwd, env: io.env };
  const layer = chosenLayer(opts);
  const name = promptName(prompt);
  const loaded = await loadConfig(ctx);
  let type = opts.type as PromptType | undefined;
  if (!type) {
    const configured = configuredTypes(loaded, name, [layer]);
    if (configured.length > 1) throw new UsageError(`${name} is configured as a ${configured.join(' and a ')}: add --type ${configured.join('|')}`);
    type = configured[0];
  }
  if (!type) {
    io.stderr(`oss: ${name} has no model setting in the ${layer} config; nothing changed\n`);
    return 0;
  }
  const { file, removed } = await unsetModelForPrompt(ctx, type, name, layer);
  io.stdout(removed ? `${name} (${type}): setting removed from ${file}\n` : `${name} (${type}) had no setting in ${file}; nothing changed\n`);
  return 0;
}
