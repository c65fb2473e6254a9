// The proxy the bench measures: the built ModelProxy routing every request to OpenRouter's
// deepseek/deepseek-chat, with OpenRouter's base URL pointed at the loopback upstream and a made-up key.
// Claude is marked unavailable, so nothing can ever leave the machine.
import { ModelProxy } from '../dist/proxy/model-proxy.js';

export const BENCH_MODEL = 'openrouter/deepseek/deepseek-chat';

export function benchPlan() {
  return {
    prompt: { type: 'adhoc', name: 'adhoc' },
    main: { model: BENCH_MODEL, source: 'cli' },
    background: { model: BENCH_MODEL, source: 'default' },
    agents: [],
    fallback: false,
  };
}

/** A ModelProxy aimed at the upstream on `upstreamPort`; `home` is a scratch HOME/OSS_HOME. */
export function createBenchProxy({ upstreamPort, home, onUsage }) {
  return new ModelProxy({
    plan: benchPlan(),
    config: {},
    env: {
      HOME: home,
      OSS_HOME: `${home}/.oss`,
      OPENROUTER_BASE_URL: `http://127.0.0.1:${upstreamPort}/api/v1`,
      OPENROUTER_API_KEY: 'sk-or-bench-not-a-real-key',
    },
    claudeAvailable: false,
    ...(onUsage ? { onUsage } : {}),
  });
}
