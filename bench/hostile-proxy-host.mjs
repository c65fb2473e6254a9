// The proxy under the hardening bench, alone in its own process so its memory is its own: the built
// ModelProxy with real defaults (10 s keep-alive, 30 s streaming headers timeout, fallback on), OpenRouter
// pointed at the bench's hostile provider and Claude at the bench's fake Claude, both on loopback.
// Answers `rss` questions over IPC: current RSS and the process's peak RSS so far.
import { serveParent } from './child-process.mjs';
import { ModelProxy } from '../dist/proxy/model-proxy.js';

const model = 'openrouter/deepseek/deepseek-chat';
const proxy = new ModelProxy({
  plan: {
    prompt: { type: 'adhoc', name: 'adhoc' },
    main: { model, source: 'cli' },
    background: { model, source: 'default' },
    agents: [],
    fallback: true,
  },
  config: {},
  env: {
    HOME: process.env.BENCH_HOME,
    OSS_HOME: `${process.env.BENCH_HOME}/.oss`,
    OPENROUTER_BASE_URL: `http://127.0.0.1:${process.env.BENCH_PROVIDER_PORT}/api/v1`,
    OPENROUTER_API_KEY: 'sk-or-bench-not-a-real-key',
    ANTHROPIC_BASE_URL: `http://127.0.0.1:${process.env.BENCH_CLAUDE_PORT}`,
  },
  onFallback: () => {},
});
await proxy.start();
process.send({ type: 'ready', baseUrl: proxy.baseUrl });

serveParent(
  async (message) => {
    if (message.type === 'rss') return { rss: process.memoryUsage.rss(), maxRss: process.resourceUsage().maxRSS * 1024 };
    throw new Error(`unknown request ${message.type}`);
  },
  () => proxy.shutdown(),
);
