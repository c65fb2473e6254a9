// The route plan: which model answers each part of one `oss run`. Built by routing/, read by the
// proxy (per-request routing) and the launcher (environment, summary line).
import type { PromptType } from '../config/config-types.js';
import type { Budget } from '../usage/budget.js';

/** Where a resolved model came from, in precedence order. */
export type ModelSource = 'cli' | 'local' | 'project' | 'user' | 'frontmatter' | 'default' | 'builtin';

export interface ResolvedModel {
  /** An oss model id (`openrouter/deepseek/deepseek-chat`, `claude`, `claude/claude-haiku-4-5`, …). */
  model: string;
  source: ModelSource;
  /** The config or prompt file the value came from, when there is one. */
  file?: string;
}

export interface AgentRoute extends ResolvedModel {
  /** Agent name as Claude Code knows it (`code-reviewer`, `oss:code-reviewer` for plugin agents). */
  name: string;
  /**
   * The agent file's markdown body, frontmatter removed and trimmed. Claude Code starts a subagent's
   * system prompt with it, which is how the proxy tells subagents apart. Absent for configured agents
   * whose file was not found.
   */
  body?: string;
}

/** A `models.hooks` entry: Claude Code's prompt and agent hooks for one hook event. */
export interface HookRoute extends ResolvedModel {
  /** The hook event as Claude Code names it: `PreToolUse`, `Stop`, `UserPromptSubmit`, … */
  event: string;
}

/** A skill with a model of its own (`models.skills`, or an oss model id in its SKILL.md frontmatter). */
export interface SkillRoute extends ResolvedModel {
  /** Skill name as Claude Code knows it (`review`, `<plugin>:review`). */
  name: string;
  /** The folder holding its SKILL.md, which Claude Code names in the skill's text ("Base directory for this skill: …"). */
  dir?: string;
}

export interface RoutePlan {
  prompt: {
    type: PromptType | 'adhoc';
    /** `oss:ship`, or `adhoc` for free text. Also the ledger key of main-thread requests. */
    name: string;
    /**
     * The `model:` string of the prompt file's frontmatter, as written. Claude Code sends it verbatim as the
     * request's `model` for that turn, whatever oss resolved, so the proxy maps it back to `main` (which
     * already ranks the frontmatter below the CLI and config).
     */
    frontmatterModel?: string;
  };
  main: ResolvedModel;
  background: ResolvedModel;
  agents: AgentRoute[];
  /**
   * `models.search`: where Claude Code's WebSearch goes (`claude`, or a model that searches). Absent: the
   * route's own search where it has one, else Claude, else a clear tool error (proxy/server-tools/).
   */
  search?: ResolvedModel;
  /** Hook events with a model of their own (absent: none). */
  hooks?: HookRoute[];
  /** Skills with a model of their own, for when Claude Code invokes them during the run (absent: none). */
  skills?: SkillRoute[];
  /** Whether a failing provider may fall back to Claude (model_fallback / models.fallback, default true). */
  fallback: boolean;
  /** Spending caps for the run (routing/resolve-budget.ts); absent when none is set. */
  budget?: Budget;
}
