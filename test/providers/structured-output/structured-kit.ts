// Fixtures for the structured-output tests: our own captures and hand-written cases in
// test/fixtures/structured-output/ (provenance in each file's `_comment` and in SOURCES.md).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnthropicRequest } from '../../../src/providers/common/anthropic-types.js';
import type { TargetModel } from '../../../src/providers/common/target.js';

const FOLDER = fileURLToPath(new URL('../../fixtures/structured-output/', import.meta.url));

export function structuredFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(`${FOLDER}${name}`, 'utf8')) as T;
}

/** The captured hook request: Claude Code 2.1.332 under the oss launcher environment. */
export function hookRequest(): AnthropicRequest {
  return structuredFixture<{ body: AnthropicRequest }>('hook-prompt-structured-output-request.json').body;
}

export function memorySelectionRequest(): AnthropicRequest {
  return structuredFixture<{ body: AnthropicRequest }>('memory-selection-request.json').body;
}

/** The schema Claude Code sends with a prompt hook (as captured). */
export const HOOK_SCHEMA = {
  type: 'object',
  properties: { ok: { type: 'boolean' }, reason: { type: 'string' }, impossible: { type: 'boolean' } },
  required: ['ok', 'reason'],
  additionalProperties: false,
};

export function openAITarget(provider: string, upstreamModel = 'model-1'): TargetModel {
  return { id: `${provider}/${upstreamModel}`, provider, type: 'openai', upstreamModel, capabilities: {} };
}
