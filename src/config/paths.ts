// Where config files live. User config is `$OSS_HOME/config.json` (`~/.oss` by default); a project's is the
// `.oss/` folder found by walking up from the working directory, stopping at the repository root (a folder
// with `.git`) or at the home folder, whichever comes first.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const PROJECT_DIR_NAME = '.oss';
export const CONFIG_FILE = 'config.json';
export const LOCAL_CONFIG_FILE = 'config.local.json';

export function homeDir(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}

export function ossHome(env: NodeJS.ProcessEnv): string {
  return resolve(env.OSS_HOME || join(homeDir(env), PROJECT_DIR_NAME));
}

export function userConfigPath(env: NodeJS.ProcessEnv): string {
  return join(ossHome(env), CONFIG_FILE);
}

export function projectConfigPath(projectDir: string): string {
  return join(projectDir, PROJECT_DIR_NAME, CONFIG_FILE);
}

export function localConfigPath(projectDir: string): string {
  return join(projectDir, PROJECT_DIR_NAME, LOCAL_CONFIG_FILE);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The nearest folder at or above `cwd` holding a `marker` folder (`.oss`, `.claude`). The walk stops after
 * the repository root and never looks at the home folder itself (its `.oss`/`.claude` are the user's, not a
 * project's) nor above it.
 */
export function findUp(cwd: string, env: NodeJS.ProcessEnv, marker: string): string | undefined {
  const home = resolve(homeDir(env));
  const userOss = ossHome(env);
  let dir = resolve(cwd);
  for (;;) {
    if (dir === home) return undefined;
    const candidate = join(dir, marker);
    if (isDirectory(candidate) && candidate !== userOss) return dir;
    if (exists(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The project folder (the one holding `.oss/`), if there is one. */
export function findProjectDir(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  return findUp(cwd, env, PROJECT_DIR_NAME);
}

/** The repository root above `cwd` (a folder with `.git`), stopping at home. */
export function findRepoRoot(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const home = resolve(homeDir(env));
  let dir = resolve(cwd);
  for (;;) {
    if (dir === home) return undefined;
    if (exists(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where `--project`/`--local` writes go: the existing project, else the repository root, else `cwd`. */
export function projectDirForWrite(cwd: string, env: NodeJS.ProcessEnv): string {
  return findProjectDir(cwd, env) ?? findRepoRoot(cwd, env) ?? resolve(cwd);
}
