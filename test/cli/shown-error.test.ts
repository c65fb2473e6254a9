// "Did you mean" for a value that is not a model id: config and routing throw the bare problem (what was
// written and where, no catalogue needed), and the CLI adds the suggestion when it shows the error. The
// messages are compared whole, before and after, for a config value, a --model value and the doctor's line.
import { describe, expect, it } from 'vitest';
import { configChecks } from '../../src/cli/doctor/config-checks.js';
import { shownError } from '../../src/cli/shown-error.js';
import { ModelIdError } from '../../src/config/model-id-error.js';
import { validateConfig } from '../../src/config/validate-config.js';
import { ConfigError } from '../../src/errors.js';
import { invalidCliModel } from '../../src/routing/invalid-cli-model.js';
import { tempProject } from '../routing/temp-project.js';

const EXPECTED =
  'expected a model id <provider>/<model> (providers: openrouter, openai, gemini, ollama, anthropic, claude, or one declared in "providers"), or default, or claude';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('a value that is not a model id', () => {
  it('is refused by config validation with the file and path and no suggestion; the CLI shows the suggestion', async () => {
    const error = thrown(() => validateConfig({ models: { agents: { reviewer: 'gpt-4o' } } }, '/p/.oss/config.json')) as ModelIdError;
    expect([error instanceof ModelIdError, error.exitCode, error.message]).toEqual([true, 2, `/p/.oss/config.json: models.agents.reviewer: ${EXPECTED}, got "gpt-4o"`]);
    expect((await shownError(error)).message).toBe(
      `/p/.oss/config.json: models.agents.reviewer: ${EXPECTED} (did you mean openai/gpt-4o or openrouter/openai/gpt-4o?), got "gpt-4o"`,
    );
  });

  it('is refused after --model without the value repeated; the CLI shows the suggestion, or nothing when none fits', async () => {
    expect((await shownError(invalidCliModel('llama3.2'))).message).toBe(`--model "llama3.2": ${EXPECTED} (did you mean ollama/llama3.2?)`);
    expect((await shownError(invalidCliModel('no-such-model-anywhere'))).message).toBe(`--model "no-such-model-anywhere": ${EXPECTED}`);
  });

  it('leaves every other error as it was', async () => {
    const other = new ConfigError('/p/.oss/config.json: models.fallback: expected a boolean, got "yes"');
    expect(await shownError(other)).toBe(other);
  });

  it('gets the suggestion in the doctor\'s config line too', async () => {
    const p = tempProject();
    const file = p.write('.oss/config.json', JSON.stringify({ models: { default: 'gpt-4o' } }));
    const [config] = await configChecks(p.root, p.env);
    expect(config).toEqual({
      id: 'config',
      ok: false,
      detail: `config: ${file}: models.default: ${EXPECTED} (did you mean openai/gpt-4o or openrouter/openai/gpt-4o?), got "gpt-4o"`,
      fix: 'fix that file (oss ignores nothing it cannot read)',
    });
  });
});
