import type { CliIO } from '../io.js';
import { OssError } from '../../errors.js';

export async function modelsRefresh(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new OssError('not built yet: modelsRefresh');
}
