// A value that should be a model id and is not: in a config file (validate-config.ts) or after `--model`
// (routing/invalid-cli-model.ts). Those layers say what was written and where. The "did you mean" needs the
// model catalogue, which sits above them (src/registry), so the CLI adds it when it shows the error
// (cli/shown-error.ts): reading config never loads the catalogue, and a valid config never pays for it.
import { ConfigError } from '../errors.js';
import { MODEL_ID_EXPECTED } from '../model-id.js';

export class ModelIdError extends ConfigError {
  /**
   * @param where `--model "gpt-4o"`, or `<file>: models.default`
   * @param value what was written there
   * @param showValue end with `, got "<value>"` (a config value: `where` names only its path)
   * @param suggestion ` (did you mean openai/gpt-4o?)`, or '' for none
   */
  constructor(
    readonly where: string,
    readonly value: string,
    readonly showValue: boolean,
    suggestion = '',
  ) {
    super(`${where}: expected ${MODEL_ID_EXPECTED}${suggestion}${showValue ? `, got ${JSON.stringify(value)}` : ''}`);
    this.name = 'ModelIdError';
  }

  /** The same error with a suggestion after the expectation. */
  withSuggestion(suggestion: string): ModelIdError {
    return new ModelIdError(this.where, this.value, this.showValue, suggestion);
  }
}
