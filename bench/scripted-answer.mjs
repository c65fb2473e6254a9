// The fixed answer the bench upstream gives: what an OpenAI-compatible provider streams for a typical Claude
// Code turn, i.e. a paragraph of text in 200 token-sized chunks, then one Read tool call whose arguments
// arrive in fragments, the finish reason, a usage chunk and [DONE]. Also the same answer as one JSON body.

export const TEXT_CHUNKS = 200;

const WORDS = [
  'I', ' will', ' start', ' by', ' reading', ' the', ' configuration', ' loader', ' to', ' see', ' how', ' the',
  ' project', ' resolves', ' its', ' settings', ',', ' then', ' check', ' the', ' tests', ' that', ' cover', ' it', '.',
];

/** The text pieces, each a token-sized fragment of ordinary prose. */
export function textPieces() {
  return Array.from({ length: TEXT_CHUNKS }, (_, i) => WORDS[i % WORDS.length]);
}

const TOOL_ARGUMENT_FRAGMENTS = ['{"file', '_path"', ': "/home/user/', 'project/src/', 'config/load', '-config.ts"', ', "offset": 1', ', "limit": 200}'];
const BASE = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1782955817, model: 'deepseek-chat' };
const USAGE = { prompt_tokens: 19850, completion_tokens: 262, total_tokens: 20112 };

function chunk(delta, finish = null) {
  return { ...BASE, choices: [{ index: 0, delta, finish_reason: finish }] };
}

/** The streamed answer as SSE frames (`data: …\n\n`), one string per network write. */
export function streamFrames() {
  const payloads = [
    chunk({ role: 'assistant', content: '' }),
    ...textPieces().map((piece) => chunk({ content: piece })),
    chunk({ tool_calls: [{ index: 0, id: 'call_bench_1', type: 'function', function: { name: 'Read', arguments: '' } }] }),
    ...TOOL_ARGUMENT_FRAGMENTS.map((fragment) => chunk({ tool_calls: [{ index: 0, function: { arguments: fragment } }] })),
    chunk({}, 'tool_calls'),
    { ...BASE, choices: [], usage: USAGE },
  ];
  return [...payloads.map((payload) => `data: ${JSON.stringify(payload)}\n\n`), 'data: [DONE]\n\n'];
}

/** The same answer as a non-streaming chat.completion body. */
export function completionBody() {
  return {
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1782955817,
    model: 'deepseek-chat',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: textPieces().join(''),
          tool_calls: [{ id: 'call_bench_1', type: 'function', function: { name: 'Read', arguments: TOOL_ARGUMENT_FRAGMENTS.join('') } }],
        },
        finish_reason: 'tool_calls',
      },
    ],
    usage: USAGE,
  };
}
