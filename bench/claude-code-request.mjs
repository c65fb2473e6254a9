// A Claude-Code-sized request body: the complete /v1/messages body Claude Code 2.1.332 sent in a recorded
// run (system prompt, environment, the 21 tool schemas it sends inline when oss launches it), plus one
// tool round (assistant text + Read tool_use, then a 4 KB tool_result) as in the middle of a session.
import { readFileSync } from 'node:fs';

const FIXTURE = new URL('../test/fixtures/claude-code/claude-code-request-real-tool-schemas.json', import.meta.url);

const FILE_LINE = "export function loadConfig(path: string): Config { return parse(readFileSync(path, 'utf8')); }\n";

/** The request as Claude Code would send it to the proxy. */
export function claudeCodeRequest({ stream }) {
  const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const request = { ...recorded.request_default, tools: recorded.tools_all_inline, stream };
  request.messages = [
    ...request.messages,
    {
      role: 'assistant',
      content: [
        { type: 'text', text: 'I will read the configuration loader first.' },
        { type: 'tool_use', id: 'toolu_01BenchReadConfig', name: 'Read', input: { file_path: '/home/user/project/src/config.ts' } },
      ],
    },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_01BenchReadConfig', content: FILE_LINE.repeat(44) },
        { type: 'text', text: 'Now explain what it does.' },
      ],
    },
  ];
  return request;
}
