// Third-party recordings (provider answers recorded by other public projects) are not ours to commit: they
// live beside the repository in ../shared/fixtures, which every developer and CI have but a user's clone does
// not. Tests that replay them read them from there and are skipped when the folder is absent (one line says
// so, printed by test/support/report-shared-fixtures.ts); a fixture written for this project in
// test/fixtures/ours/ covers each behaviour too.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';

/** The repository root (this file is test/support/shared-fixtures.ts). */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * `<repo>/../shared/fixtures`: the third-party recordings (wire/, peer/, model-lists/, pricing/).
 * OSS_SHARED_FIXTURES points elsewhere for a checkout that does not sit beside them (a git worktree).
 */
export const SHARED_FIXTURES = process.env.OSS_SHARED_FIXTURES || resolve(REPO_ROOT, '..', 'shared', 'fixtures');

export const hasSharedFixtures = existsSync(join(SHARED_FIXTURES, 'wire'));

/** A test that replays a third-party recording: skipped when ../shared/fixtures is absent. */
export const itRecorded = it.skipIf(!hasSharedFixtures);
export const describeRecorded = describe.skipIf(!hasSharedFixtures);

/** The text of a recording under ../shared/fixtures, e.g. `wire/openai-stream-refusal.sse`. */
export function sharedFixtureText(path: string): string {
  return readFileSync(join(SHARED_FIXTURES, path), 'utf8');
}

/** The text of a fixture written for this project, under test/fixtures/ours/. */
export function ownFixtureText(path: string): string {
  return readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'ours', path), 'utf8');
}
