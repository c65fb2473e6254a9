// Vitest global setup: when ../shared/fixtures (third-party recordings, see shared-fixtures.ts) is absent, as
// in a user's clone, say so in one line before the run, naming what is skipped, so a green run never hides it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export default function reportSharedFixtures(): void {
  const shared = process.env.OSS_SHARED_FIXTURES || resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
  if (existsSync(join(shared, 'wire'))) return;
  process.stdout.write(
    `Third-party recordings not found at ${shared}: skipping the peer conformance suite (76 recorded answers, the wire/ streams) and the edge-case, translator and registry tests that replay recordings (the fixtures in test/fixtures/ours/ still cover every edge case).\n`,
  );
}
