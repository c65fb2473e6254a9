// What differs, on screen, between the Claude Code releases the end-to-end tests run on (docs/compatibility.md):
// the release of CLAUDE_BIN, and how it words an API error it shows (2.0 prints the whole error body, 2.1 only
// the message), so a test can expect each release's own output exactly.
import lt from 'semver/functions/lt.js';
import { versionFromInstall } from '../../src/launcher/claude-version.js';
import { CLAUDE_BIN } from './e2e-run.js';

/** The release of the claude the end-to-end tests run (the devDependency, or the matrix's OSS_E2E_CLAUDE_BIN). */
export const CLAUDE_RELEASE = versionFromInstall(CLAUDE_BIN)?.version;

/** True for a Claude Code 2.0 release. */
export const IS_CLAUDE_2_0 = CLAUDE_RELEASE !== undefined && lt(CLAUDE_RELEASE, '2.1.0');

/** `API Error: <status> …` as the release under test prints an Anthropic error answer. */
export function apiErrorText(status: number, type: string, message: string): string {
  return IS_CLAUDE_2_0 ? `API Error: ${status} ${JSON.stringify({ type: 'error', error: { type, message } })}` : `API Error: ${status} ${message}`;
}

/**
 * Whether the release writes `[claude-code:unrecognized_model] {…}` on stderr in `-p` for a model id it does not
 * know: 2.1.332 does; 2.0.77 and 2.1.200 write nothing (checked 2026-11-30; releases in between are untested).
 */
export const ANNOUNCES_UNRECOGNIZED_MODEL = CLAUDE_RELEASE === undefined || !lt(CLAUDE_RELEASE, '2.1.332');
