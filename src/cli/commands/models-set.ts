import type { CliIO } from '../io.js';
import { OssError } from '../../errors.js';

export async function modelsSet(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new OssError('not built yet: modelsSet');
}
export async function modelsUnset(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new OssError('not built yet: modelsUnset');
}
