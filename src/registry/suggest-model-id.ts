// "Did you mean": a bare model name (`gpt-4o`, `llama3.2`) is not an oss model id, but the catalogue knows which
// providers serve it. Direct providers are suggested before OpenRouter (the shorter, usually cheaper path).
import { parseProvider } from '../model-id.js';
import { defaultRegistry, type ModelRegistry } from './registry.js';

const PREFERENCE = ['openai', 'gemini', 'anthropic', 'ollama', 'openrouter'];
const MAX_SUGGESTIONS = 3;

/** Catalogue ids whose provider-side name is `bare` (or ends with `/bare` on OpenRouter), best first. */
export function suggestModelIds(bare: string, registry: ModelRegistry = defaultRegistry()): string[] {
  const name = bare.trim().toLowerCase();
  if (name === '' || name.includes(' ')) return [];
  const matches = registry
    .listModels()
    .filter((entry) => {
      const upstream = entry.upstreamModel.toLowerCase();
      return upstream === name || upstream.endsWith(`/${name}`);
    })
    .map((entry) => entry.id);
  const rank = (id: string) => {
    const index = PREFERENCE.indexOf(parseProvider(id) ?? '');
    return index < 0 ? PREFERENCE.length : index;
  };
  return [...new Set(matches)].sort((a, b) => rank(a) - rank(b) || a.length - b.length || a.localeCompare(b)).slice(0, MAX_SUGGESTIONS);
}

/** ` (did you mean openai/gpt-4o?)`, ` (did you mean a or b?)`, or '' when nothing fits. */
export function didYouMean(bare: string, registry?: ModelRegistry): string {
  const ids = suggestModelIds(bare, registry);
  if (ids.length === 0) return '';
  const list = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;
  return ` (did you mean ${list}?)`;
}
