// A fake claude.ai login in a temporary HOME, shaped like the one the real Claude Code stores
// (fixtures/claude-code/trimmed/subscriber-credentials.json): with it, claude sends `authorization: Bearer <token>` and
// the `oauth-2025-04-20` beta to whatever ANTHROPIC_BASE_URL says, and makes no other call.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOGIN_TOKEN = 'sk-ant-oat01-FAKE-SUBSCRIBER-TOKEN';

export function writeClaudeLogin(home: string): void {
  const dir = join(home, '.claude');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, '.credentials.json');
  const login = {
    claudeAiOauth: {
      accessToken: LOGIN_TOKEN,
      refreshToken: 'sk-ant-ort01-FAKE-REFRESH',
      expiresAt: Date.now() + 10 * 365 * 24 * 3600 * 1000,
      scopes: ['user:inference', 'user:profile'],
      subscriptionType: 'max',
    },
  };
  writeFileSync(file, JSON.stringify(login), { mode: 0o600 });
  chmodSync(file, 0o600);
}
