// toolNameMapForRequest: the two-way tool-name map for one request (declared tools and history), OpenAI's naming rule.
import { describe, expect, it } from 'vitest';
import { toolNameMapForRequest } from '../../../src/providers/openai-chat/tool-name-map.js';

const LONG = `mcp__${'very_long_server_name_'.repeat(3)}__create_issue_with_labels`;
const LONG_SENT = 'mcp__very_long_server_name_very_long_server_name_very_l_f14169b6';

describe('toolNameMapForRequest', () => {
  it('shortens a declared name over 64 characters for OpenAI and maps the short name back', () => {
    const names = toolNameMapForRequest({ messages: [], tools: [{ name: LONG }, { name: 'Read' }] });
    expect([names.toUpstream(LONG), names.fromUpstream(LONG_SENT), names.toUpstream('Read'), names.fromUpstream('Read')]).toEqual([LONG_SENT, LONG, 'Read', 'Read']);
  });

  it('maps back names used only in history (a tool no longer declared), but no name it never saw', () => {
    const dotted = 'mcp.server/tool';
    const names = toolNameMapForRequest({ messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: dotted, input: {} }] }, { role: 'user', content: 'go on' }] });
    expect([names.toUpstream(dotted), names.fromUpstream('mcp_server_tool_9ab4336b'), names.fromUpstream('mcp_server_tool_00000000')]).toEqual([
      'mcp_server_tool_9ab4336b',
      dotted,
      'mcp_server_tool_00000000',
    ]);
  });
});
