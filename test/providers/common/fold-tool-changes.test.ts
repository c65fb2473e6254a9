import { describe, expect, it } from 'vitest';
import type { AnthropicRequest } from '../../../src/providers/common/anthropic-types.js';
import { foldToolChanges } from '../../../src/providers/common/fold-tool-changes.js';
import { transformToOpenAI } from '../../../src/providers/openai-chat/transform-request.js';
import { openAITarget, structuredFixture } from '../structured-output/structured-kit.js';

const request = structuredFixture<{ body: AnthropicRequest }>('mid-conversation-tool-changes-request.json').body;

describe('mid-conversation tool changes (tool_addition / tool_removal system blocks)', () => {
  it('folds an addition and a removal into tools, in order, and keeps the rest of the system message', () => {
    const folded = foldToolChanges(request);
    expect((folded.tools ?? []).map((tool) => (tool as { name: string }).name)).toEqual(['Bash', 'mcp__docs__fetch']);
    expect(folded.messages).toEqual([request.messages[0], { role: 'system', content: [{ type: 'text', text: 'The docs server is connected.' }] }]);
  });

  it('the added tool reaches an OpenAI-compatible provider as a function, the removed one does not', () => {
    const body = transformToOpenAI(foldToolChanges(request), openAITarget('openai', 'gpt-4o'));
    expect(body.tools?.map((tool) => tool.function.name)).toEqual(['Bash', 'mcp__docs__fetch']);
    expect(body.tools?.[1]?.function.parameters).toEqual({ type: 'object', properties: { url: { type: 'string' } }, required: ['url'] });
  });

  it('returns the very same request when it has no tool changes (nothing copied on the hot path)', () => {
    const plain: AnthropicRequest = { model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] };
    expect(foldToolChanges(plain)).toBe(plain);
  });
});
