// Placeholder until the launcher lands: `oss run` without --dry-run starts claude through here.
import type { CliIO } from '../cli/io.js';
import type { RoutePlan } from '../routing/route-plan-types.js';
import { OssError } from '../errors.js';

export interface LaunchOptions {
  /** The prompt as the user typed it (`/oss:ship prod` or free text): claude's first message. */
  promptText: string;
  print: boolean;
  quiet: boolean;
  claudeBin?: string;
  /** Arguments after `--`, passed to claude unchanged. */
  claudeArgs: string[];
}

export async function launchRun(_plan: RoutePlan, _options: LaunchOptions, _io: CliIO): Promise<number> {
  throw new OssError('oss run is not built yet');
}
