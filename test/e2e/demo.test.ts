// `oss demo` from end to end: the real claude binary, the real proxy, the built-in scripted model.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { capturedIO } from '../support/captured-io.js';

describe('oss demo', () => {
  it('runs the real claude against the built-in model: plan, Write call, file, cost line, exit 0, no temp folder left', async () => {
    const io = capturedIO({ ...process.env }, process.cwd());
    const code = await main(['demo'], io);
    const stdout = io.stdoutText();
    const stderr = io.stderrText();
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/main\s+demo\/scripted\s+models\.default in the demo's in-memory config/);
    expect(stdout).toMatch(/The model called Write \{"file_path":"[^"]+\/hello\.txt","content":"Hello from oss/);
    expect(stdout).toContain('hello.txt now contains:\n  Hello from oss: a local scripted model wrote this file through Claude Code.');
    expect(stderr).toMatch(/^oss: adhoc · demo\/scripted · 2 requests · [\d,]+ in \/ \d+ out · \$0\.0000\n$/);
    const folder = /\(in (\S+)\)/.exec(stdout)?.[1];
    expect(folder).toBeDefined();
    expect(existsSync(folder ?? '/')).toBe(false);
  }, 120_000);
});
