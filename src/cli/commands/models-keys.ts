import type { CliIO } from '../io.js';
import { OssError } from '../../errors.js';

export async function keysSet(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new OssError('not built yet: keysSet');
}
export async function keysList(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new OssError('not built yet: keysList');
}
export async function keysRemove(..._args: [...unknown[], CliIO]): Promise<number> {
  throw new OssError('not built yet: keysRemove');
}
