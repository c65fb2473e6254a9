// The one refusal for a `--model` value that is not a model id, with a "did you mean" when the catalogue
// knows a provider for a bare name (`--model gpt-4o` → openai/gpt-4o).
import { ConfigError } from '../errors.js';
import { didYouMean } from '../registry/suggest-model-id.js';
import { MODEL_ID_EXPECTED } from '../model-id.js';

export function invalidCliModel(value: string): ConfigError {
  return new ConfigError(`--model ${JSON.stringify(value)}: expected ${MODEL_ID_EXPECTED}${didYouMean(value)}`);
}
