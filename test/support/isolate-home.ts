import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test file starts with its own HOME and OSS_HOME, so no test can read or write the
// developer's real ~/.oss, ~/.claude or credentials. Tests that need a specific layout
// create their own folders on top of these.
const root = mkdtempSync(join(tmpdir(), 'oss-test-'));
process.env.HOME = join(root, 'home');
process.env.OSS_HOME = join(root, 'home', '.oss');
process.env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = '1';
for (const name of [
  'OPENROUTER_API_KEY', 'OPENAI_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_API_KEY', 'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL', 'OPENAI_BASE_URL', 'OPENROUTER_BASE_URL', 'GEMINI_BASE_URL',
  'OLLAMA_HOST', 'OSS_CLAUDE_BIN', 'ANTHROPIC_MODEL',
]) {
  delete process.env[name];
}
