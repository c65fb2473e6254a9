// The request-shape check runs ajv's standalone output (request-shape-validate.generated.ts), compiled ahead of
// time so that no process loads ajv before its first request. It must be what ajv makes of the schema now:
// the generator's --check fails while the committed file is stale (the schema changed, or ajv did).
import { resolve } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { requestShapeError } from '../../src/proxy/request-shape.js';

const repo = resolve(import.meta.dirname, '..', '..');

describe('the generated request-shape validator', () => {
  it('is what ajv compiles from request-shape-schema.ts today', async () => {
    const checked = await execa('node', ['scripts/generate-request-shape.mjs', '--check'], { cwd: repo, reject: false });
    expect({ exitCode: checked.exitCode, stdout: checked.stdout, stderr: checked.stderr }).toEqual({
      exitCode: 0,
      stdout: 'request-shape validator is up to date',
      stderr: '',
    });
  });

  it('checks in-process from the generated code: a good body passes, a bad one names its field', async () => {
    expect(await requestShapeError({ model: 'm', max_tokens: 8, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] })).toBeUndefined();
    expect(await requestShapeError({ messages: [{ role: 'user', content: [{ type: 'tool_result' }] }] })).toBe('messages.0.content.0.tool_use_id: Field required');
  });
});
