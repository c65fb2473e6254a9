// Whether a provider can be used right now, for `oss models list`: a provider that needs a key is ready when one
// is set (environment or stored); a local server (Ollama, LM Studio, vLLM) when it answers within 500 ms. The
// line says what is missing and the next step, never the key itself.
import type { OssConfig } from '../config/config-types.js';
import { envKey, getApiKey } from '../config/credentials.js';
import { isBuiltinProvider, BUILTIN_PROVIDERS, resolveProvider, type BuiltinProvider } from '../config/providers.js';
import type { OllamaStatus } from './ollama-status.js';

export interface ProviderReadiness {
  usable: boolean;
  /** One phrase for the heading, e.g. `ready: OPENAI_API_KEY is set` or `not ready: set GROQ_API_KEY or …`. */
  line: string;
}

export async function providerReadiness(name: string, config: OssConfig, env: NodeJS.ProcessEnv, ollama: OllamaStatus, timeoutMs = 500): Promise<ProviderReadiness> {
  const info = resolveProvider(name, config, env);
  if (!info) return { usable: false, line: `not ready: ${name} is neither built in nor declared under "providers"` };
  if (info.keyEnv.length > 0) {
    const fromEnv = envKey(name, config, env);
    if (fromEnv) return { usable: true, line: `ready: ${fromEnv.name} is set` };
    if (await getApiKey(name, config, env)) return { usable: true, line: 'ready: key stored with `oss models keys set`' };
    return { usable: false, line: `not ready: set ${info.keyEnv.join(' or ')} or run \`oss models keys set ${name}\`` };
  }
  if (name === 'ollama') return { usable: ollama.source === 'live', line: ollama.source === 'live' ? `ready: running at ${info.baseUrl}` : `not ready: nothing answers at ${info.baseUrl} (start it with \`ollama serve\`)` };
  const builtin: BuiltinProvider | undefined = isBuiltinProvider(name) ? BUILTIN_PROVIDERS[name] : undefined;
  if (!builtin?.local && !info.baseUrl.startsWith('http://localhost') && !info.baseUrl.startsWith('http://127.0.0.1')) {
    return { usable: true, line: 'ready: no key needed' };
  }
  const running = await answers(`${info.baseUrl}/models`, timeoutMs);
  return { usable: running, line: running ? `ready: running at ${info.baseUrl}` : `not ready: nothing answers at ${info.baseUrl} (start ${builtin?.label ?? name}'s server)` };
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
