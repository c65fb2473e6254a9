import type { CliIO } from '../../io.js';
import { runDemo } from '../../launcher/demo/run-demo.js';

export async function demo(opts: { claudeBin?: string }, io: CliIO): Promise<number> {
  return runDemo({ claudeBin: opts.claudeBin }, io);
}
