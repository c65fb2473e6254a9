import { describe, expect, it } from 'vitest';
import { parseCommandArgs, parseRunPrompt } from '../../src/routing/parse-run-prompt.js';
import { UsageError } from '../../src/errors.js';

describe('CLI model override (seed 5.2)', () => {
  it('should parse --model flag from command', () => {
    const args = parseCommandArgs('/oss:ship --model gemini/gemini-2.0-flash');

    expect(args.model).toBe('gemini/gemini-2.0-flash');
    expect(args.command).toBe('oss:ship');
  });
});

describe('parseRunPrompt', () => {
  it('splits a slash command from its arguments, with --model anywhere', () => {
    expect(parseRunPrompt(['/oss:ship', 'prod', '--model', 'ollama/llama3.2', 'now'])).toEqual({
      type: 'command',
      name: 'oss:ship',
      args: 'prod now',
      text: '/oss:ship prod now',
      model: 'ollama/llama3.2',
    });
  });

  it('accepts -m and --model=', () => {
    expect(parseRunPrompt(['-m', 'openai/o1', '/oss:release:notes']).model).toBe('openai/o1');
    expect(parseRunPrompt(['/oss:ship', '--model=openai/o1'])).toMatchObject({ name: 'oss:ship', model: 'openai/o1', text: '/oss:ship' });
  });

  it('treats anything else as free text named adhoc', () => {
    expect(parseRunPrompt(['explain', 'this', 'repo'])).toEqual({ type: 'adhoc', name: 'adhoc', args: '', text: 'explain this repo' });
    expect(parseRunPrompt(['/oss/ship'])).toMatchObject({ type: 'adhoc' });
  });

  it('rejects --model without a value; no prompt words at all is an interactive session', () => {
    expect(() => parseRunPrompt(['/oss:ship', '--model'])).toThrow(UsageError);
    expect(parseRunPrompt(['--model', 'ollama/llama3.2'])).toEqual({ type: 'adhoc', name: 'interactive', args: '', text: '', model: 'ollama/llama3.2' });
  });
});
