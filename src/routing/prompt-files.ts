// Prompt names ↔ prompt files, as Claude Code names them (reference: claude-code-behavior.md §3–4):
// - commands: `.claude/commands/oss/ship.md` is `oss:ship` (folders become `:`), a plugin `oss`'s
//   `commands/ship.md` is also `oss:ship`;
// - agents: `.claude/agents/*.md`, named by frontmatter `name` else the file name; a plugin's agents are
//   `<plugin>:<name>`;
// - skills: `.claude/skills/<name>/SKILL.md` (frontmatter `name` else the folder); a plugin's are `<plugin>:<name>`;
// - hooks have no prompt file in Claude Code (they are declared in settings.json): their models come from
//   config only, keyed by whatever name the user gives them.
// Search order: the project's `.claude/` (walking up like config), then `~/.claude/`, then installed plugins
// under `~/.claude/plugins/` (the first file for a name wins).
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { PromptType } from '../config/config-types.js';
import { findUp, homeDir } from '../config/paths.js';
import type { Frontmatter } from './frontmatter.js';

export type PromptOrigin = 'project' | 'user' | 'plugin';

export interface PromptFile {
  type: PromptType;
  name: string;
  file: string;
  origin: PromptOrigin;
  /** The plugin's name, for plugin prompts. */
  plugin?: string;
  frontmatter: Frontmatter;
}

export interface PromptSearchContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A folder laid out like `.claude/`: `commands/`, `agents/`, `skills/`. */
export interface PromptRoot {
  origin: PromptOrigin;
  dir: string;
  plugin?: string;
}

const CLAUDE_DIR = '.claude';
const MAX_PLUGIN_SCAN_DEPTH = 5;

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

async function listDir(dir: string): Promise<{ name: string; isDirectory: boolean }[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
  } catch {
    return [];
  }
}

/** The plugin's name from its `.claude-plugin/plugin.json`, or undefined when that is missing or unreadable. */
async function pluginName(dir: string): Promise<string | undefined> {
  const manifest = await readJson(join(dir, '.claude-plugin', 'plugin.json'));
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const name = (manifest as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** installPath values of `installed_plugins.json` (version 1: one record per plugin; version 2: a list). */
function installPaths(manifest: unknown): string[] | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const plugins = (manifest as { plugins?: unknown }).plugins;
  if (typeof plugins !== 'object' || plugins === null) return undefined;
  const paths: string[] = [];
  for (const entry of Object.values(plugins)) {
    for (const record of Array.isArray(entry) ? entry : [entry]) {
      const path = (record as { installPath?: unknown } | null)?.installPath;
      if (typeof path === 'string') paths.push(path);
    }
  }
  return paths;
}

async function scanForPlugins(dir: string, depth: number, found: string[]): Promise<void> {
  const entries = await listDir(dir);
  if (entries.some((entry) => entry.name === '.claude-plugin' && entry.isDirectory)) {
    found.push(dir);
    return;
  }
  if (depth >= MAX_PLUGIN_SCAN_DEPTH) return;
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    await scanForPlugins(join(dir, entry.name), depth + 1, found);
  }
}

/** Installed plugins: those listed in `installed_plugins.json`, else every plugin folder found below. */
async function pluginRoots(env: NodeJS.ProcessEnv): Promise<PromptRoot[]> {
  const pluginsDir = join(homeDir(env), CLAUDE_DIR, 'plugins');
  let dirs = installPaths(await readJson(join(pluginsDir, 'installed_plugins.json')));
  if (!dirs) {
    dirs = [];
    await scanForPlugins(pluginsDir, 0, dirs);
  }
  const roots: PromptRoot[] = [];
  for (const dir of dirs) {
    const plugin = await pluginName(dir);
    if (plugin) roots.push({ origin: 'plugin', dir, plugin });
  }
  return roots;
}

export async function promptRoots(ctx: PromptSearchContext): Promise<PromptRoot[]> {
  const roots: PromptRoot[] = [];
  const project = findUp(ctx.cwd, ctx.env, CLAUDE_DIR);
  if (project) roots.push({ origin: 'project', dir: join(project, CLAUDE_DIR) });
  roots.push({ origin: 'user', dir: join(homeDir(ctx.env), CLAUDE_DIR) });
  roots.push(...(await pluginRoots(ctx.env)));
  return roots;
}

/** `oss/release/notes.md` (relative to `commands/`) → `oss:release:notes`; a plugin's name is prefixed. */
export function commandNameForPath(relativePath: string, plugin?: string): string {
  const parts = relativePath.replace(/\.md$/i, '').split(/[\\/]/);
  return [...(plugin ? [plugin] : []), ...parts].join(':');
}

async function markdownFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

async function load(type: PromptType, root: PromptRoot, file: string, localName: (fm: Frontmatter) => string): Promise<PromptFile | undefined> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  // The YAML parser (gray-matter, js-yaml) is loaded with the first prompt file, not by every `oss` start.
  const { parseFrontmatter } = await import('./frontmatter.js');
  const frontmatter = parseFrontmatter(content);
  const own = localName(frontmatter);
  const name = root.plugin && type !== 'command' ? `${root.plugin}:${own}` : own;
  return { type, name, file, origin: root.origin, ...(root.plugin ? { plugin: root.plugin } : {}), frontmatter };
}

async function promptsInRoot(root: PromptRoot, type: PromptType): Promise<PromptFile[]> {
  const found: (PromptFile | undefined)[] = [];
  if (type === 'command') {
    const dir = join(root.dir, 'commands');
    for (const file of await markdownFiles(dir)) {
      found.push(await load(type, root, file, () => commandNameForPath(relative(dir, file).split(sep).join('/'), root.plugin)));
    }
  } else if (type === 'agent') {
    for (const file of await markdownFiles(join(root.dir, 'agents'))) {
      found.push(await load(type, root, file, (fm) => fm.name ?? basename(file).replace(/\.md$/i, '')));
    }
  } else if (type === 'skill') {
    const dir = join(root.dir, 'skills');
    for (const entry of await listDir(dir)) {
      if (!entry.isDirectory) continue;
      const file = join(dir, entry.name, 'SKILL.md');
      found.push(await load(type, root, file, (fm) => fm.name ?? basename(dirname(file))));
    }
  }
  return found.filter((prompt): prompt is PromptFile => prompt !== undefined);
}

const ALL_TYPES: readonly PromptType[] = ['command', 'agent', 'skill', 'hook'];

/**
 * Every prompt file, in search order; for a name found in several places only the first is kept (the project
 * shadows the user, the user shadows plugins).
 */
export async function discoverPrompts(ctx: PromptSearchContext, types: readonly PromptType[] = ALL_TYPES): Promise<PromptFile[]> {
  const roots = await promptRoots(ctx);
  const seen = new Set<string>();
  const out: PromptFile[] = [];
  for (const type of types) {
    for (const root of roots) {
      for (const prompt of await promptsInRoot(root, type)) {
        const key = `${type}\0${prompt.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(prompt);
      }
    }
  }
  return out;
}

export function discoverAgents(ctx: PromptSearchContext): Promise<PromptFile[]> {
  return discoverPrompts(ctx, ['agent']);
}

export async function findPromptFile(ctx: PromptSearchContext, type: PromptType, name: string): Promise<PromptFile | undefined> {
  return (await discoverPrompts(ctx, [type])).find((prompt) => prompt.name === name);
}
