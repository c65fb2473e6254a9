// A throwaway project (with `.git`) and home folder under the OS temp dir, plus a captured CliIO, for
// config, routing and CLI tests. Each call gets fresh folders, so tests never share state.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { CliIO } from '../../src/io.js';

export interface TempProject {
  /** The project root (holds `.git`). */
  root: string;
  home: string;
  ossHome: string;
  env: NodeJS.ProcessEnv;
  /** Writes a file under the project root; returns its path. */
  write: (relative: string, content: string) => string;
  /** Writes a file under the home folder; returns its path. */
  writeHome: (relative: string, content: string) => string;
  read: (path: string) => string;
}

function writeAt(base: string, relative: string, content: string): string {
  const path = join(base, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

export function tempProject(): TempProject {
  const base = mkdtempSync(join(tmpdir(), 'oss-h1-'));
  const root = join(base, 'project');
  const home = join(base, 'home');
  mkdirSync(join(root, '.git'), { recursive: true });
  mkdirSync(home, { recursive: true });
  const ossHome = join(home, '.oss');
  return {
    root,
    home,
    ossHome,
    env: { ...process.env, HOME: home, OSS_HOME: ossHome },
    write: (relative, content) => writeAt(root, relative, content),
    writeHome: (relative, content) => writeAt(home, relative, content),
    read: (path) => readFileSync(path, 'utf8'),
  };
}

export interface CapturedIO extends CliIO {
  out: () => string;
  err: () => string;
}

export function captureIO(cwd: string, env: NodeJS.ProcessEnv): CapturedIO {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    stdin: Readable.from([]),
    stdinIsTTY: false,
    env,
    cwd,
    out: () => out,
    err: () => err,
  };
}
