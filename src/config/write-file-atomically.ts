// Replacing one of oss's own files (config, keys, trust list, model cache, ledger) through a temp file and a
// rename (write-file-atomic), so a killed writer never leaves half a file. The library (with graceful-fs and
// signal-exit) loads on the first write, not with the modules that only read these files on every start.
export async function writeFileAtomically(path: string, text: string, options: { mode?: number } = {}): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(path, text, options);
}
