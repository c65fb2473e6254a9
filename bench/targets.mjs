// The two ways the bench sends the same turn: straight to the upstream in OpenAI format (the bytes the proxy
// itself sent upstream, captured by the upstream) and through the proxy in Anthropic format. Each target
// knows what a correct answer looks like.

function expect(condition, what) {
  if (!condition) throw new Error(`bench: unexpected answer: ${what}`);
}

export function directTarget(upstreamPort, openAIBody) {
  const stream = JSON.parse(openAIBody.toString('utf8')).stream === true;
  return {
    url: `http://127.0.0.1:${upstreamPort}/api/v1/chat/completions`,
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-or-bench-not-a-real-key' },
    body: openAIBody,
    check(status, text) {
      expect(status === 200, `direct status ${status}`);
      if (stream) expect(text.endsWith('data: [DONE]\n\n'), 'direct stream without [DONE]');
      else expect(JSON.parse(text).choices?.[0]?.message?.tool_calls?.length === 1, 'direct completion without its tool call');
    },
  };
}

export function proxyTarget(baseUrl, anthropicRequest) {
  const stream = anthropicRequest.stream === true;
  return {
    url: `${baseUrl}/v1/messages?beta=true`,
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'x-api-key': 'oss-proxy' },
    body: JSON.stringify(anthropicRequest),
    check(status, text) {
      expect(status === 200, `proxy status ${status}: ${text.slice(0, 200)}`);
      if (stream) {
        expect(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n'), 'proxy stream without message_stop');
        expect(text.includes('"name":"Read"') && text.includes('"stop_reason":"tool_use"'), 'proxy stream without the Read tool call');
      } else {
        const message = JSON.parse(text);
        expect(message.stop_reason === 'tool_use' && message.content?.some((block) => block.type === 'tool_use'), 'proxy message without its tool call');
      }
    },
  };
}

/** POST /v1/messages/count_tokens through the proxy (answered locally with a tokenizer). */
export function countTokensTarget(baseUrl, anthropicRequest) {
  const { stream: _stream, max_tokens: _max, ...countable } = anthropicRequest;
  return {
    url: `${baseUrl}/v1/messages/count_tokens?beta=true`,
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'x-api-key': 'oss-proxy' },
    body: JSON.stringify(countable),
    check(status, text) {
      expect(status === 200, `count_tokens status ${status}: ${text.slice(0, 200)}`);
      expect(JSON.parse(text).input_tokens > 0, 'count_tokens without input_tokens');
    },
  };
}
