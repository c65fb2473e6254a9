import { describe, expect, it } from 'vitest';
import { GEMINI_TOOL_NAMES, OPENAI_TOOL_NAMES, buildToolNameMap, upstreamToolName } from '../../../src/providers/common/tool-names.js';

const LONG = `mcp__${'a'.repeat(70)}__search`;

describe('upstreamToolName', () => {
  it('leaves a name that already follows the rule unchanged', () => {
    expect([upstreamToolName('Read', OPENAI_TOOL_NAMES), upstreamToolName('mcp__github__create_issue', GEMINI_TOOL_NAMES), upstreamToolName('ns.tool:v1', GEMINI_TOOL_NAMES)]).toEqual([
      'Read',
      'mcp__github__create_issue',
      'ns.tool:v1',
    ]);
  });

  it('replaces characters outside the rule with _ and appends the first 8 hex of the sha256 of the name', () => {
    // sha256('mcp__my server__do.it') starts with the 8 hex digits below.
    expect([upstreamToolName('mcp__my server__do.it', OPENAI_TOOL_NAMES), upstreamToolName('mcp__my server__do.it', GEMINI_TOOL_NAMES)]).toEqual([
      'mcp__my_server__do_it_ce29fae8',
      'mcp__my_server__do.it_ce29fae8',
    ]);
  });

  it('shortens a long name to the maximum of the rule, a readable prefix plus the hash', () => {
    const openai = upstreamToolName(LONG, OPENAI_TOOL_NAMES);
    expect([openai, openai.length, upstreamToolName(LONG, GEMINI_TOOL_NAMES)]).toEqual([`${LONG.slice(0, 55)}_b6dc61f6`, 64, LONG]);
  });

  it('gives a name Gemini cannot start with (a digit) a leading underscore', () => {
    expect(upstreamToolName('3d-render', GEMINI_TOOL_NAMES)).toBe('_3d-render_d7ed832c');
  });

  it('gives the same upstream name on every call, so a history translates the same way each request', () => {
    expect(upstreamToolName(LONG, OPENAI_TOOL_NAMES)).toBe(upstreamToolName(LONG, OPENAI_TOOL_NAMES));
  });
});

describe('buildToolNameMap', () => {
  it('maps every name it was built with back home, and passes unknown upstream names through', () => {
    const names = buildToolNameMap(['Read', 'mcp__my server__do.it', LONG], OPENAI_TOOL_NAMES);
    const upstream = ['Read', 'mcp__my server__do.it', LONG].map((name) => names.toUpstream(name));
    expect([upstream.map((name) => names.fromUpstream(name)), names.fromUpstream('made_up_tool')]).toEqual([['Read', 'mcp__my server__do.it', LONG], 'made_up_tool']);
  });

  it('shortens names it was not built with too, by the same rule', () => {
    expect(buildToolNameMap([], OPENAI_TOOL_NAMES).toUpstream('mcp__my server__do.it')).toBe('mcp__my_server__do_it_ce29fae8');
  });
});
