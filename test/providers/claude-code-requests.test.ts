// Every request the real Claude Code 2.1.332 sent in the recorded captures translates, for the OpenAI-compatible
// servers and for Gemini, into a body those APIs accept: no Anthropic-only field leaks, no `system` turn reaches
// Gemini's contents, DeferredToolPlaceholder is never declared, and every tool result answers a declared call.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnthropicRequest } from '../../src/providers/common/anthropic-types.js';
import type { TargetModel } from '../../src/providers/common/target.js';
import { transformToOpenAI } from '../../src/providers/openai-chat/transform-request.js';
import { transformToGemini } from '../../src/providers/gemini/transform-request.js';

const DIR = new URL('../fixtures/claude-code/', import.meta.url);

/** Whole request bodies and later message histories (spliced into the capture's first request). */
function capturedRequests(): Array<[string, AnthropicRequest]> {
  const found: Array<[string, AnthropicRequest]> = [];
  const histories: Array<[string, unknown[]]> = [];
  // The WebSearch sub-request never reaches a translator: the proxy routes it (src/proxy/server-tools/).
  for (const file of readdirSync(DIR).filter((name) => name.endsWith('.json') && !name.startsWith('websearch-'))) {
    const capture = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Record<string, unknown>;
    const visit = (value: unknown, path: string, depth: number): void => {
      if (!value || typeof value !== 'object' || depth > 3) return;
      const record = value as Record<string, unknown>;
      if (!Array.isArray(value) && Array.isArray(record.messages) && typeof record.model === 'string') found.push([path, record as unknown as AnthropicRequest]);
      for (const [key, child] of Object.entries(record)) {
        if (/messages_from_index/.test(key) && Array.isArray(child)) histories.push([`${path}.${key}`, child]);
        else visit(child, `${path}.${key}`, depth + 1);
      }
    };
    visit(capture, file, 0);
  }
  const base = found[0]?.[1];
  if (!base) throw new Error('no whole Claude Code request in test/fixtures/claude-code');
  for (const [path, tail] of histories) {
    const from = Number(/messages_from_index_(\d+)/.exec(path)?.[1] ?? 0);
    found.push([path, { ...base, messages: [...base.messages.slice(0, from), ...(tail as AnthropicRequest['messages'])] }]);
  }
  return found;
}

/** The tools Claude Code declared, minus the placeholder oss must never declare upstream. */
function declarableTools(request: AnthropicRequest): string[] {
  return (request.tools ?? []).flatMap((tool) => ('name' in tool && tool.name !== 'DeferredToolPlaceholder' ? [tool.name] : []));
}

/** The top-level fields each target's body has: exactly these, so no Anthropic-only field can leak. */
const OPENAI_FIELDS: Record<string, string[]> = {
  'openai/gpt-5': ['max_completion_tokens', 'messages', 'model', 'reasoning_effort', 'stream', 'stream_options', 'tools'],
  'openrouter/deepseek/deepseek-chat': ['max_tokens', 'messages', 'model', 'stream', 'stream_options', 'tools'],
  'ollama/llama3.2': ['max_tokens', 'messages', 'model', 'stream', 'stream_options', 'tools'],
  'deepseek/deepseek-reasoner': ['max_tokens', 'messages', 'model', 'reasoning_effort', 'stream', 'stream_options', 'thinking', 'tools'],
};

const OPENAI_TARGETS: TargetModel[] = [
  { id: 'openai/gpt-5', provider: 'openai', type: 'openai', upstreamModel: 'gpt-5', maxOutputTokens: 128000, capabilities: { reasoningModel: true, reasoning: true, tools: true, vision: true } },
  { id: 'openrouter/deepseek/deepseek-chat', provider: 'openrouter', type: 'openai', upstreamModel: 'deepseek/deepseek-chat', capabilities: { tools: true } },
  { id: 'ollama/llama3.2', provider: 'ollama', type: 'openai', upstreamModel: 'llama3.2', capabilities: { tools: true, noToolChoice: true, legacyMaxTokens: true } },
  { id: 'deepseek/deepseek-reasoner', provider: 'deepseek', type: 'openai', upstreamModel: 'deepseek-reasoner', capabilities: { reasoning: true, tools: true } },
];
const GEMINI_TARGETS: TargetModel[] = ['gemini-2.5-pro', 'gemini-3-pro-preview'].map((model) => ({
  id: `gemini/${model}`, provider: 'gemini', type: 'gemini', upstreamModel: model, maxOutputTokens: 65536, capabilities: { reasoning: true, tools: true, vision: true },
}));

describe('requests Claude Code really sends', () => {
  const requests = capturedRequests();

  it('finds every recorded request (whole bodies and spliced histories), with system messages, adaptive thinking and the Anthropic-only fields', () => {
    expect(requests.map(([path]) => path)).toEqual([
      'claude-code-request-real-tool-schemas.json.request_default',
      'recommended-launcher-env-tool-loop.json.request_1.body',
      'subagent-foreground.json.subagent_request_2.body',
      'claude-code-echoes-gemini-signature-ids.json.request_2_messages_from_index_1',
      'recommended-launcher-env-tool-loop.json.request_2_messages_from_index_2',
      'subagent-foreground.json.parent_request_3_messages_from_index_2',
      'tool-loop-write-thinking-second-request.json.request_2_messages_from_index_2',
      'toolsearch-tool-reference.json.request_2_messages_from_index_2',
    ]);
    const all = JSON.stringify(requests.map(([, request]) => request));
    for (const marker of ['"context_management"', '"output_config"', '"metadata"', '"adaptive"', 'DeferredToolPlaceholder', '"tool_reference"', '"role":"system"']) {
      expect(all, marker).toContain(marker);
    }
  });

  for (const target of OPENAI_TARGETS) {
    it(`translate for ${target.id}: no Anthropic-only field, no placeholder tool, each tool message answers a call`, () => {
      for (const [path, request] of requests) {
        const body = transformToOpenAI(request, target);
        expect(Object.keys(body).sort(), path).toEqual(OPENAI_FIELDS[target.id]);
        // Only DeepSeek has a `thinking` field of its own: a bare on/off toggle, never Anthropic's shape.
        if (body.thinking !== undefined) expect([target.provider, Object.keys(body.thinking)], path).toEqual(['deepseek', ['type']]);
        expect(body.tools?.map((tool) => tool.function.name), path).toEqual(declarableTools(request));
        const called = new Set(body.messages.flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []).map((call) => call.id) : [])));
        for (const message of body.messages) if (message.role === 'tool') expect(called.has(message.tool_call_id), path).toBe(true);
        expect(body.stream_options, path).toEqual({ include_usage: true });
        if (target.maxOutputTokens) expect(body.max_completion_tokens ?? body.max_tokens, path).toBeLessThanOrEqual(target.maxOutputTokens);
      }
    });
  }

  for (const target of GEMINI_TARGETS) {
    it(`translate for ${target.id}: system prompt in systemInstruction only, no placeholder tool, responses answer calls`, () => {
      for (const [path, request] of requests) {
        const body = transformToGemini(request, target);
        expect(Object.keys(body).sort(), path).toEqual(['contents', 'generationConfig', 'systemInstruction', 'tools']);
        expect(JSON.stringify(body), path).not.toMatch(/"(context_management|output_config|metadata|cache_control)"/);
        expect(body.systemInstruction?.parts.map((part) => Object.keys(part)), path).toEqual([['text']]);
        for (const content of body.contents) expect(['user', 'model'], path).toContain(content.role);
        const declared = (body.tools ?? []).flatMap((tool) => ('functionDeclarations' in tool ? (tool.functionDeclarations ?? []).map((d) => d.name) : []));
        expect(declared, path).toEqual(declarableTools(request));
        const calls = body.contents.flatMap((c) => c.parts.flatMap((p) => ('functionCall' in p && p.functionCall ? [p.functionCall.name] : [])));
        const responses = body.contents.flatMap((c) => c.parts.flatMap((p) => ('functionResponse' in p && p.functionResponse ? [p.functionResponse.name] : [])));
        for (const name of responses) expect(calls, path).toContain(name);
      }
    });
  }
});
