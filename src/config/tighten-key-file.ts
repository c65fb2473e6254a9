// A key file other users can read (credentials.json copied in with mode 0644, a restored backup) is tightened
// to 0600 the moment oss reads it, not only when oss next writes it, with one line saying what changed.
import { chmod, stat } from 'node:fs/promises';

export async function tightenKeyFile(path: string, warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info || (info.mode & 0o077) === 0) return;
  const was = (info.mode & 0o777).toString(8);
  try {
    await chmod(path, 0o600);
    warn(`oss: ${path} could be read by other users (mode ${was}); changed it to 600`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    warn(`oss: ${path} can be read by other users (mode ${was}) and oss could not change that (${code}); run \`chmod 600 ${path}\``);
  }
}
