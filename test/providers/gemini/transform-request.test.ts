import { describe, expect, it } from 'vitest';
import type { AnthropicRequest } from '../../../src/providers/common/anthropic-types.js';
import { transformToGemini } from '../../../src/providers/gemini/transform-request.js';
import { schemaInstruction } from '../../../src/providers/common/output-format.js';
import { fixtureJson, geminiTarget } from './gemini-test-kit.js';
import { HOOK_SCHEMA, hookRequest, memorySelectionRequest } from '../structured-output/structured-kit.js';

/** Every object key at any depth. */
function allKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => allKeys(item, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      allKeys(inner, into);
    }
  }
  return into;
}

interface RealToolsFixture {
  request_default: AnthropicRequest;
  tools_all_inline: NonNullable<AnthropicRequest['tools']>;
}

describe('GeminiTransformer (seed Task 3.3)', () => {
  it('should transform to Gemini generateContent format', () => {
    const anthropicRequest = {
      model: 'claude-3-opus',
      messages: [{ role: 'user' as const, content: 'Hello' }],
    };

    const geminiRequest = transformToGemini(anthropicRequest);
    expect(geminiRequest.contents[0]?.role).toBe('user');
    expect(geminiRequest.contents[0]?.parts[0]?.text).toBe('Hello');
  });

  it('should handle system prompts as first user message', () => {
    const anthropicRequest = {
      system: 'You are helpful',
      messages: [{ role: 'user' as const, content: 'Hello' }],
    };

    const geminiRequest = transformToGemini(anthropicRequest);
    expect(geminiRequest.systemInstruction?.parts[0]?.text).toBe('You are helpful');
  });

  it('converts tool definitions to functionDeclarations with the raw schema as parametersJsonSchema', () => {
    const schema = { type: 'object', properties: { file_path: { type: 'string' } }, required: ['file_path'], additionalProperties: false };
    const body = transformToGemini({ messages: [{ role: 'user', content: 'read it' }], tools: [{ name: 'Read', description: 'Read a file', input_schema: schema as never }] });
    expect(body.tools).toEqual([{ functionDeclarations: [{ name: 'Read', description: 'Read a file', parametersJsonSchema: schema }] }]);
  });

  it('handles multimodal content: base64 images become inlineData, URLs fileData', () => {
    const body = transformToGemini({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'text', text: 'What is this?' },
          ],
        },
      ],
    });
    expect(body.contents).toEqual([
      {
        role: 'user',
        parts: [
          { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
          { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat.jpg' } },
          { text: 'What is this?' },
        ],
      },
    ]);
  });
});

describe('transformToGemini on requests as Claude Code sends them', () => {
  const real = fixtureJson<RealToolsFixture>('claude-code/claude-code-request-real-tool-schemas.json');

  it('drops the billing-header system block, joins the rest and appends role:"system" messages to systemInstruction', () => {
    const body = transformToGemini(real.request_default, geminiTarget());
    const system = body.systemInstruction?.parts[0]?.text ?? '';
    expect(body.systemInstruction?.parts).toHaveLength(1);
    expect(system).not.toContain('x-anthropic-billing-header');
    expect(system.startsWith("You are a Claude agent, built on Anthropic's Claude Agent SDK.\n\n\nYou are an agent")).toBe(true);
    expect(system.endsWith("Today's date is 2026-11-25.")).toBe(true);
    expect(body.contents.map((content) => content.role)).toEqual(['user']);
    expect(body.contents[0]?.parts.map((part) => part.text?.slice(0, 17))).toEqual(['<system-reminder>', 'say hi']);
  });

  it('ignores context_management, output_config and metadata, and never forwards cache_control', () => {
    const body = transformToGemini(real.request_default, geminiTarget());
    expect(Object.keys(body).sort()).toEqual(['contents', 'generationConfig', 'systemInstruction', 'tools']);
    const keys = allKeys(body.contents);
    for (const key of ['context_management', 'output_config', 'metadata', 'cache_control', 'type']) expect(keys).not.toContain(key);
  });

  it('declares every client tool but DeferredToolPlaceholder, with the schema untouched', () => {
    const body = transformToGemini(real.request_default, geminiTarget());
    const declarations = body.tools?.[0]?.functionDeclarations ?? [];
    const tools = (real.request_default.tools ?? []) as Array<{ name: string; input_schema: unknown }>;
    const sent = tools.filter((tool) => tool.name !== 'DeferredToolPlaceholder');
    expect(declarations.map((d) => d.name)).toEqual(sent.map((tool) => tool.name));
    expect(declarations.map((d) => d.parametersJsonSchema)).toEqual(sent.map((tool) => tool.input_schema));
  });

  it('clamps max_tokens to the target output limit and maps adaptive thinking at effort medium to an 8192-token budget on Gemini 2.5', () => {
    const body = transformToGemini(real.request_default, geminiTarget('gemini-2.5-pro', { maxOutputTokens: 65536 }));
    expect(real.request_default.output_config).toEqual({ effort: 'medium' });
    expect(body.generationConfig).toEqual({ maxOutputTokens: 65536, thinkingConfig: { includeThoughts: true, thinkingBudget: 8192 } });
  });

  it('leaves the thinking level to Gemini 3 for adaptive thinking without an effort, and sends a budget for enabled thinking', () => {
    const noEffort = { ...real.request_default, output_config: {} };
    expect(transformToGemini(noEffort, geminiTarget('gemini-3-pro-preview')).generationConfig?.thinkingConfig).toEqual({ includeThoughts: true });
    const enabled = transformToGemini({ ...real.request_default, thinking: { type: 'enabled', budget_tokens: 4096 } }, geminiTarget('gemini-2.5-flash'));
    expect(enabled.generationConfig?.thinkingConfig).toEqual({ includeThoughts: true, thinkingBudget: 4096 });
  });

  it('sends no thinkingConfig to a model that cannot think, or when thinking is disabled', () => {
    const plain = geminiTarget('gemini-2.0-flash', { capabilities: { reasoning: false } });
    expect(transformToGemini(real.request_default, plain).generationConfig).toEqual({ maxOutputTokens: 128000 });
    const disabled = transformToGemini({ ...real.request_default, thinking: { type: 'disabled' } }, geminiTarget('gemini-2.5-flash'));
    expect(disabled.generationConfig?.thinkingConfig).toBeUndefined();
  });

  it('maps sampling parameters and stop sequences (at most 5)', () => {
    const body = transformToGemini({
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 100,
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ['a', 'b', 'c', 'd', 'e', 'f'],
    });
    expect(body.generationConfig).toEqual({ maxOutputTokens: 100, temperature: 0.2, topP: 0.9, topK: 40, stopSequences: ['a', 'b', 'c', 'd', 'e'] });
  });

  it('maps tool_choice to toolConfig, and omits it without tools', () => {
    const tools = [{ name: 'Bash', input_schema: { type: 'object' as const, properties: { command: { type: 'string' } } } }];
    const messages = [{ role: 'user' as const, content: 'go' }];
    const config = (choice: AnthropicRequest['tool_choice']) => transformToGemini({ messages, tools, tool_choice: choice }).toolConfig;
    expect(config({ type: 'auto' })).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
    expect(config({ type: 'any' })).toEqual({ functionCallingConfig: { mode: 'ANY' } });
    expect(config({ type: 'none' })).toEqual({ functionCallingConfig: { mode: 'NONE' } });
    expect(config({ type: 'tool', name: 'Bash' })).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['Bash'] } });
    expect(transformToGemini({ messages, tool_choice: { type: 'any' } }).toolConfig).toBeUndefined();
  });

  it('drops server tools that have no input_schema', () => {
    const body = transformToGemini({
      messages: [{ role: 'user', content: 'search' }],
      tools: [{ type: 'web_search_20250305', name: 'web_search' } as never, { name: 'Read', input_schema: { type: 'object' } }],
    });
    expect(body.tools?.[0]?.functionDeclarations.map((d) => d.name)).toEqual(['Read']);
  });

  it('sends sanitised parameters instead when schemaMode is "parameters"', () => {
    const body = transformToGemini({ messages: [{ role: 'user', content: 'hi' }], tools: real.tools_all_inline }, geminiTarget(), { schemaMode: 'parameters' });
    const declarations = body.tools?.[0]?.functionDeclarations ?? [];
    expect(declarations).toHaveLength(21);
    expect(declarations.every((d) => d.parametersJsonSchema === undefined)).toBe(true);
    expect(declarations.find((d) => d.name === 'CronList')?.parameters).toBeUndefined();
    expect(declarations.find((d) => d.name === 'Read')?.parameters?.properties?.limit).toEqual({
      description: 'The number of lines to read. Only provide if the file is too large to read at once.',
      type: 'INTEGER',
      minimum: 1,
      maximum: 9007199254740991,
    });
  });
});

describe('transformToGemini on output_config (captured hook and memory-selection requests)', () => {
  it('the hook schema goes as responseJsonSchema with a JSON response type; effort high → thinking level HIGH on Gemini 3', () => {
    const body = transformToGemini(hookRequest(), geminiTarget('gemini-3-flash-preview'));
    expect(body.generationConfig).toEqual({
      maxOutputTokens: 32000,
      responseMimeType: 'application/json',
      responseJsonSchema: HOOK_SCHEMA,
      thinkingConfig: { thinkingLevel: 'HIGH' },
    });
    expect(body.tools).toBeUndefined();
  });

  it('with schemaMode "parameters" the schema is sanitised into responseSchema (no additionalProperties)', () => {
    const body = transformToGemini(hookRequest(), geminiTarget('gemini-2.5-flash'), { schemaMode: 'parameters' });
    expect(body.generationConfig).toEqual({
      maxOutputTokens: 32000,
      responseMimeType: 'application/json',
      responseSchema: { type: 'OBJECT', properties: { ok: { type: 'BOOLEAN' }, reason: { type: 'STRING' }, impossible: { type: 'BOOLEAN' } }, required: ['ok', 'reason'] },
      thinkingConfig: { thinkingBudget: -1 },
    });
  });

  it('Gemini 2.5 with declared tools keeps the tools and gets the schema after the system text (it refuses JSON mode with tools); Gemini 3 gets JSON mode', () => {
    const tool = { name: 'Read', description: 'Read a file', input_schema: { type: 'object' as const, properties: { path: { type: 'string' } } } };
    const request: AnthropicRequest = { ...memorySelectionRequest(), tools: [tool] };
    const schema = memorySelectionRequest().output_config?.format?.schema ?? {};
    const system = (request.system as Array<{ text: string }>)[1]?.text;
    const gemini25 = transformToGemini(request, geminiTarget('gemini-2.5-flash'));
    expect([gemini25.systemInstruction, gemini25.generationConfig, gemini25.tools]).toEqual([
      { parts: [{ text: `${system}\n\n${schemaInstruction(schema)}` }] },
      { maxOutputTokens: 1024, thinkingConfig: { thinkingBudget: -1 } },
      [{ functionDeclarations: [{ name: 'Read', description: 'Read a file', parametersJsonSchema: tool.input_schema }] }],
    ]);
    const gemini3 = transformToGemini(request, geminiTarget('gemini-3-pro-preview'));
    expect([gemini3.systemInstruction, gemini3.generationConfig]).toEqual([
      { parts: [{ text: system }] },
      { maxOutputTokens: 1024, responseMimeType: 'application/json', responseJsonSchema: schema, thinkingConfig: { thinkingLevel: 'HIGH' } },
    ]);
  });

  it('with adaptive thinking the effort narrows the thinking and thoughts are included; a model that cannot think gets no thinkingConfig', () => {
    const adaptive = transformToGemini({ ...memorySelectionRequest(), thinking: { type: 'adaptive' }, output_config: { effort: 'low' } }, geminiTarget('gemini-3-pro-preview'));
    expect(adaptive.generationConfig?.thinkingConfig).toEqual({ includeThoughts: true, thinkingLevel: 'LOW' });
    const plain = transformToGemini(memorySelectionRequest(), geminiTarget('gemini-2.0-flash', { capabilities: {} }));
    const schema = memorySelectionRequest().output_config?.format?.schema ?? {};
    expect(plain.generationConfig).toEqual({ maxOutputTokens: 1024, responseMimeType: 'application/json', responseJsonSchema: schema });
  });
});
