// The one refusal for a `--model` value that is not a model id. The CLI adds a "did you mean" when the
// catalogue knows a provider for a bare name (`--model gpt-4o` → openai/gpt-4o; cli/shown-error.ts).
import { ModelIdError } from '../config/model-id-error.js';

export function invalidCliModel(value: string): ModelIdError {
  return new ModelIdError(`--model ${JSON.stringify(value)}`, value, false);
}
