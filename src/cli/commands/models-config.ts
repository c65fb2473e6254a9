import type { CliIO } from '../io.js';
import { OssError } from '../../errors.js';

export async function modelsConfig(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new OssError('not built yet: modelsConfig');
}
