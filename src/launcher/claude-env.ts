// The environment `claude` runs with when the proxy is in play (DESIGN.md "The route plan").
//
// Model variables carry the id Claude Code should send for each alias, so every alias and helper call lands
// on a known route:
//   ANTHROPIC_MODEL, ANTHROPIC_DEFAULT_{OPUS,SONNET,FABLE}_MODEL  → main
//   ANTHROPIC_DEFAULT_HAIKU_MODEL, ANTHROPIC_SMALL_FAST_MODEL      → background
// (Claude Code uses the haiku alias and the small-fast model for its helper calls: WebFetch summaries,
// titles, memory extraction; that is what `models.background` is for.) A Claude main is sent as the bare
// Claude model id for `claude/<id>` (Claude Code then shapes requests natively; the proxy routes any id it
// does not know to main), and for plain `claude`/`default` the variables stay as the user had them. A Claude
// background under a non-Claude main is sent as its oss id (`claude`, `claude/<id>`) so the proxy routes it
// to Claude rather than to main. Everything else in the user's environment stays.
import type { RoutePlan, ResolvedModel } from '../routing/route-plan-types.js';
import { isClaudeModel, pinnedClaudeModel } from '../model-id.js';

export interface ClaudeEnvInput {
  plan: RoutePlan;
  /** The user's environment, unchanged. */
  userEnv: NodeJS.ProcessEnv;
  /** `http://127.0.0.1:<port>/<secret>`. */
  proxyBaseUrl: string;
  secret: string;
  /** Main model's context window, when the registry knows it. */
  mainContextWindow?: number;
  /**
   * Claude Code has a credential of its own (launcher/claude-credential.ts): its authentication is left alone.
   * Left out, only ANTHROPIC_API_KEY / ANTHROPIC_AUTH_TOKEN count.
   */
  hasOwnCredential?: boolean;
}

/** True when the user has Anthropic credentials of their own in the environment. */
export function hasAnthropicCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ANTHROPIC_API_KEY || env.ANTHROPIC_AUTH_TOKEN);
}

export function buildClaudeEnv(input: ClaudeEnvInput): NodeJS.ProcessEnv {
  const { plan, userEnv } = input;
  const env: NodeJS.ProcessEnv = { ...userEnv, ANTHROPIC_BASE_URL: input.proxyBaseUrl };
  const main = wireModel(plan.main);
  const background =
    isClaudeModel(plan.background.model) && !isClaudeModel(plan.main.model) ? plan.background.model : wireModel(plan.background);
  setIfDefined(env, 'ANTHROPIC_MODEL', main);
  for (const alias of ['OPUS', 'SONNET', 'FABLE']) setIfDefined(env, `ANTHROPIC_DEFAULT_${alias}_MODEL`, main);
  setIfDefined(env, 'ANTHROPIC_DEFAULT_HAIKU_MODEL', background);
  setIfDefined(env, 'ANTHROPIC_SMALL_FAST_MODEL', background);
  if (!isClaudeModel(plan.main.model)) {
    // Every tool inline (no ToolSearch / tool_reference) while betas stay on, so Claude Code still asks for
    // structured output (`output_config.format`) in prompt hooks and helper calls (docs/decisions.md).
    env.ENABLE_TOOL_SEARCH = 'false';
    if (input.mainContextWindow !== undefined) env.CLAUDE_CODE_MAX_CONTEXT_TOKENS = String(input.mainContextWindow);
  }
  // A placeholder only for a Claude Code with no credential at all: it replaces a login, so never otherwise.
  // The proxy knows it by that token: Claude routes and fallback are then off (proxy/claude-credential-headers.ts).
  if (!(input.hasOwnCredential ?? hasAnthropicCredentials(userEnv))) env.ANTHROPIC_AUTH_TOKEN = input.secret;
  return env;
}

/** The model id Claude Code should send for a route; undefined leaves Claude Code's own choice. */
function wireModel(route: ResolvedModel): string | undefined {
  return isClaudeModel(route.model) ? pinnedClaudeModel(route.model) : route.model;
}

function setIfDefined(env: NodeJS.ProcessEnv, name: string, value: string | undefined): void {
  if (value !== undefined) env[name] = value;
}
