// `oss models config [--json]`: every configured or discovered prompt → its model and where that came from.
//
// JSON output (stable; fields marked ? may be absent):
// {
//   "files":      [{ "layer": "local"|"project"|"user", "file": string, "exists": boolean }],  // highest first
//   "untrusted":  [{ "layer": "local"|"project", "file": string, "state": "untrusted"|"changed",
//                    "ignored": string[] }],  // provider settings left out until `oss trust` (JSON paths)
//   "default":    { "model": string, "source": "default"|"builtin", "file"?: string },       // main model when nothing else is set
//   "background": { "model": string, "source": "local"|"project"|"user", "file": string } | null,  // null: same as main
//   "fallback":   { "value": boolean, "source": "local"|"project"|"user"|"builtin", "file"?: string },
//   "search"?:    { "model": string, "source": "local"|"project"|"user", "file": string },  // models.search; absent: automatic
//   "prompts": [{
//     "type": "command"|"agent"|"skill"|"hook", "name": string,
//     "model": string,            // an oss model id; "default" for an agent means "no override, inherits main"
//     "source": "local"|"project"|"user"|"frontmatter"|"default"|"builtin",
//     "file"?: string,            // the config or prompt file the model came from
//     "promptFile"?: string,      // the prompt's own file, when one was found
//     "warning"?: string          // e.g. frontmatter that is not valid YAML
//   }]                            // sorted by type (command, agent, skill, hook), then name
// }
import type { CliIO } from '../../io.js';
import type { PromptType } from '../../config/config-types.js';
import { PROMPT_SECTIONS } from '../../config/config-types.js';
import { lookupModelsKey } from '../../config/load-config.js';
import { untrustedNotice, type UntrustedFile } from '../../config/untrusted-config.js';
import { ModelRouter } from '../../routing/model-router.js';
import { discoverPrompts } from '../../routing/prompt-files.js';
import { describeSource } from '../../routing/format-route-plan.js';
import type { ModelSource, ResolvedModel } from '../../routing/route-plan-types.js';

const TYPES: readonly PromptType[] = ['command', 'agent', 'skill', 'hook'];

export interface PromptRow {
  type: PromptType;
  name: string;
  model: string;
  source: ModelSource;
  file?: string;
  promptFile?: string;
  warning?: string;
}

export interface ModelsConfigReport {
  files: { layer: string; file: string; exists: boolean }[];
  untrusted: UntrustedFile[];
  default: ResolvedModel;
  background: ResolvedModel | null;
  fallback: { value: boolean; source: ModelSource; file?: string };
  /** `models.search`; absent when WebSearch goes where the route allows (README "WebSearch"). */
  search?: ResolvedModel;
  prompts: PromptRow[];
}

export async function buildModelsConfigReport(cwd: string, env: NodeJS.ProcessEnv): Promise<ModelsConfigReport> {
  const router = new ModelRouter({ cwd, env });
  const loaded = await router.config();
  const discovered = await discoverPrompts(router.ctx);
  const prompts: PromptRow[] = [];
  for (const type of TYPES) {
    const names = new Set(discovered.filter((prompt) => prompt.type === type).map((prompt) => prompt.name));
    for (const layer of loaded.layers) for (const name of Object.keys(layer.config.models?.[PROMPT_SECTIONS[type]] ?? {})) names.add(name);
    for (const name of [...names].sort()) {
      const resolved = await router.resolveModel({ promptType: type, promptName: name });
      const prompt = discovered.find((entry) => entry.type === type && entry.name === name);
      prompts.push({
        type,
        name,
        ...resolved,
        ...(prompt ? { promptFile: prompt.file } : {}),
        ...(prompt?.frontmatter.status === 'broken' && prompt.frontmatter.warning ? { warning: prompt.frontmatter.warning } : {}),
      });
    }
  }
  const configuredDefault = lookupModelsKey(loaded, 'default');
  const background = lookupModelsKey(loaded, 'background');
  const fallback = lookupModelsKey(loaded, 'fallback');
  const search = lookupModelsKey(loaded, 'search');
  return {
    files: loaded.layers.map(({ layer, file, exists }) => ({ layer, file, exists })),
    untrusted: loaded.untrusted,
    default: configuredDefault
      ? { model: configuredDefault.value, source: 'default', file: configuredDefault.file }
      : { model: 'claude', source: 'builtin' },
    background: background ? { model: background.value, source: background.layer, file: background.file } : null,
    fallback: fallback ? { value: fallback.value, source: fallback.layer, file: fallback.file } : { value: true, source: 'builtin' },
    ...(search ? { search: { model: search.value, source: search.layer, file: search.file } } : {}),
    prompts,
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd());
}

function formatReport(report: ModelsConfigReport): string {
  const lines = ['Config files (highest precedence first):'];
  lines.push(
    ...table(
      report.files.map((entry) => {
        const untrusted = report.untrusted.find((file) => file.file === entry.file);
        const note = untrusted ? `(not trusted: ignoring ${untrusted.ignored.join(', ')}; \`oss trust\` to allow)` : '';
        return [entry.layer, entry.file, entry.exists ? note : '(not found)'];
      }),
    ),
  );
  lines.push('Defaults:');
  lines.push(
    ...table([
      ['default', report.default.model, describeSource(report.default)],
      ['background', report.background?.model ?? '(same as main)', report.background ? describeSource(report.background) : ''],
      ['fallback', report.fallback.value ? 'on' : 'off', report.fallback.file ? `${report.fallback.source} config ${report.fallback.file}` : 'built-in'],
      ['search', report.search?.model ?? '(automatic)', report.search ? describeSource(report.search) : ''],
    ]),
  );
  lines.push('Prompts:');
  if (report.prompts.length === 0) {
    lines.push('  (none configured or found; set one with `oss models set <prompt> <model>`)');
  } else {
    lines.push(...table(report.prompts.map((row) => [row.type, row.name, row.model, describeSource(row)])));
  }
  return `${lines.join('\n')}\n`;
}

export async function modelsConfig(opts: Record<string, unknown>, io: CliIO): Promise<number> {
  const report = await buildModelsConfigReport(io.cwd, io.env);
  for (const file of report.untrusted) io.stderr(`${untrustedNotice(file)}\n`);
  for (const row of report.prompts) if (row.warning) io.stderr(`oss: warning: ${row.promptFile ?? row.name}: ${row.warning}\n`);
  io.stdout(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return 0;
}
