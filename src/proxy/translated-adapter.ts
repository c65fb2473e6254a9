// What every translated provider's adapter is wrapped in, once per route (route-targets.ts): Claude Code's
// mid-conversation tool changes folded into `tools`, and its JSON-answer calls held to their schema.
import { foldToolChanges } from '../providers/common/fold-tool-changes.js';
import type { ProviderAdapter } from '../providers/common/provider-adapter.js';
import { withStructuredOutput } from './structured-output-adapter.js';

export function translatedAdapter(adapter: ProviderAdapter): ProviderAdapter {
  return withStructuredOutput((call) => adapter({ ...call, request: foldToolChanges(call.request) }));
}
