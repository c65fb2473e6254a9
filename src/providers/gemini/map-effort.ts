// Anthropic `output_config.effort` → Gemini thinking control, as reasoning_effort does for OpenAI-compatible
// targets. Gemini 3 takes a thinking level (Pro knows LOW and HIGH; Flash also MEDIUM); Gemini 2.5 takes a token
// budget, where "high" and above leave the model its own dynamic budget (-1) rather than forcing the maximum.
// Claude Code sends `effort: "high"` on every request for a model it does not know, hook calls included.
import type { GeminiThinkingConfig } from './gemini-api.js';
import { isGemini3OrLater } from './model-generation.js';

const BUDGET_FOR_EFFORT: Record<string, number> = { low: 1024, medium: 8192 };

/** The thinking level or budget for an effort; undefined for no (or an unknown) effort. */
export function thinkingForEffort(effort: unknown, upstreamModel: string | undefined): Pick<GeminiThinkingConfig, 'thinkingLevel' | 'thinkingBudget'> | undefined {
  if (typeof effort !== 'string' || !['low', 'medium', 'high', 'xhigh', 'max'].includes(effort)) return undefined;
  if (isGemini3OrLater(upstreamModel)) {
    if (effort === 'low') return { thinkingLevel: 'LOW' };
    if (effort === 'medium' && /flash/i.test(upstreamModel ?? '')) return { thinkingLevel: 'MEDIUM' };
    return { thinkingLevel: 'HIGH' };
  }
  return { thinkingBudget: BUDGET_FOR_EFFORT[effort] ?? -1 };
}
