// 100 malformed /v1/messages bodies for the hardening bench: wrong types at every level the proxy reads
// (top-level fields, messages, content blocks of each known type, tool_result contents), non-object bodies,
// and nesting far deeper than any real request. Each must get a 400 that names what is wrong.

const base = () => ({ model: 'claude-sonnet-5-5', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'Hello' }] });
const withField = (field, value) => ({ ...base(), [field]: value });
const withMessage = (message) => ({ ...base(), messages: [message] });
const withContent = (content) => withMessage({ role: 'user', content });
const nested = (depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const FIELDS = {
  messages: [null, 'x', 5, {}, true, [null], [5], ['x'], [[]]],
  system: [5, {}, true, [null], [5], ['x'], [{}], [{ type: 'text' }], [{ type: 'text', text: 5 }]],
  tools: [{}, 'x', 5, [null], [5], [{ name: 5 }], [{ name: 'x', input_schema: 'object' }]],
  stop_sequences: ['x', 5, {}, [null], [5]],
  tool_choice: ['auto', 5, [], {}, { type: 5 }],
  thinking: ['on', 5, {}, { type: 'enabled', budget_tokens: 'many' }],
  max_tokens: ['x', {}, []],
  temperature: ['hot', {}],
  top_p: ['x', {}],
  top_k: ['x'],
  stream: ['yes', 5],
  model: [5, {}],
  metadata: ['x', 5],
  output_config: ['x', 5],
};

const MESSAGES = [
  { content: 'hi' }, { role: 'user' }, { role: 5, content: 'hi' }, { role: 'user', content: null },
  { role: 'user', content: 5 }, { role: 'user', content: {} },
];

const CONTENTS = [
  [null], [5], ['x'], [[]], [{}], [{ type: 5 }], [{ type: 'text' }], [{ type: 'text', text: 5 }], [{ type: 'text', text: null }],
  [{ type: 'image' }], [{ type: 'image', source: 'x' }], [{ type: 'document' }], [{ type: 'document', source: 5 }],
  [{ type: 'tool_use' }], [{ type: 'tool_use', id: 'a' }], [{ type: 'tool_use', id: 'a', name: 5 }],
  [{ type: 'tool_use', id: 'a', name: 'n', input: 'x' }], [{ type: 'tool_use', id: 5, name: 'n', input: {} }],
  [{ type: 'tool_result' }], [{ type: 'tool_result', tool_use_id: 5 }], [{ type: 'tool_result', tool_use_id: 't', content: 5 }],
  [{ type: 'tool_result', tool_use_id: 't', content: [null] }], [{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'text' }] }],
  [{ type: 'tool_result', tool_use_id: 't', is_error: 'yes' }], [{ type: 'thinking' }], [{ type: 'thinking', thinking: 5 }],
  [{ type: 'thinking', thinking: 'x', signature: 5 }], [{ type: 'redacted_thinking' }], [{ type: 'redacted_thinking', data: 5 }],
  [{ type: 'text', text: 'ok' }, null],
];

/** 100 distinct `{ name, body }`, `body` a string ready to send. */
export function malformedRequests() {
  const cases = [];
  for (const [field, values] of Object.entries(FIELDS)) {
    for (const value of values) cases.push({ name: `${field}: ${JSON.stringify(value)}`, body: JSON.stringify(withField(field, value)) });
  }
  for (const message of MESSAGES) cases.push({ name: `messages.0: ${JSON.stringify(message)}`, body: JSON.stringify(withMessage(message)) });
  for (const content of CONTENTS) cases.push({ name: `messages.0.content: ${JSON.stringify(content)}`, body: JSON.stringify(withContent(content)) });
  for (const body of ['null', '[]', '"x"', '5', 'true', '{}']) cases.push({ name: `body ${body}`, body });
  for (const depth of [300, 1000, 100_000]) {
    cases.push({ name: `tool_use input nested ${depth} deep`, body: JSON.stringify(withContent([{ type: 'tool_use', id: 'a', name: 'n', input: {} }])).replace('"input":{}', `"input":${nested(depth)}`) });
  }
  if (new Set(cases.map((entry) => entry.body)).size !== 100) throw new Error(`expected 100 distinct malformed requests, made ${cases.length}`);
  return cases;
}
