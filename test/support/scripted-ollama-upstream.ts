// An Ollama-like server: the OpenAI-compatible API under /v1 for the models it has "pulled", Ollama's own
// "not found, try pulling it first" 404 for the others, and /api/tags.
import { startScriptedUpstream, type ScriptedUpstream, type UpstreamReply } from './scripted-upstream.js';
import { openAITextMessage, openAITextStream } from './scripted-openai-upstream.js';

export type { ScriptedUpstream };

export function startOllamaUpstream(pulled: string[], answer = 'Hello from Ollama.'): Promise<ScriptedUpstream> {
  return startScriptedUpstream((request): UpstreamReply => {
    if (request.path === '/api/tags') return { kind: 'json', body: { models: pulled.map((name) => ({ name, model: name })) } };
    if (request.path !== '/v1/chat/completions') return { kind: 'json', status: 404, body: '404 page not found' };
    const body = request.body as { model?: string; stream?: boolean };
    if (!body.model || !pulled.includes(body.model)) {
      return {
        kind: 'json',
        status: 404,
        body: { error: { message: `model "${body.model}" not found, try pulling it first`, type: 'api_error', param: null, code: null } },
      };
    }
    return body.stream ? openAITextStream([answer]) : openAITextMessage(answer);
  });
}
