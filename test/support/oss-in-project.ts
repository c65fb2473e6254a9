// `oss` run in-process inside a throwaway project (routing/temp-project.ts), its exit code and whole output
// returned, and the project most CLI tests start from: one with the /oss:ship command.
import { main } from '../../src/cli/main.js';
import { captureIO, tempProject, type TempProject } from '../routing/temp-project.js';

/** A config file's text, as the tests write them. */
export const json = (value: unknown) => JSON.stringify(value, null, 2);

export async function oss(p: TempProject, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO(p.root, p.env);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

/** A fresh project whose .claude/commands/oss/ship.md is the /oss:ship command. */
export function shipProject(): TempProject {
  const p = tempProject();
  p.write('.claude/commands/oss/ship.md', '---\ndescription: ship it\n---\nShip $ARGUMENTS');
  return p;
}
