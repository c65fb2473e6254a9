// An error of ours as the CLI shows it. A value that is not a model id (config/model-id-error.ts) gets its
// "did you mean" here, from the catalogue, which is loaded only now that there is something to suggest.
import { ModelIdError } from '../config/model-id-error.js';
import type { OssError } from '../errors.js';

export async function shownError(error: OssError): Promise<OssError> {
  if (!(error instanceof ModelIdError)) return error;
  const { didYouMean } = await import('../registry/suggest-model-id.js');
  return error.withSuggestion(didYouMean(error.value));
}
