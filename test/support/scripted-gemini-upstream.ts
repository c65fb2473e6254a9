// A Gemini generateContent / streamGenerateContent upstream with scripted replies.
import { sseData, startScriptedUpstream, type ScriptedUpstream, type UpstreamReply, type UpstreamScript } from './scripted-upstream.js';

export type { ScriptedUpstream };

export function startGeminiUpstream(script: UpstreamScript): Promise<ScriptedUpstream> {
  return startScriptedUpstream(script);
}

function usage(prompt: number, candidates: number): Record<string, unknown> {
  return { promptTokenCount: prompt, candidatesTokenCount: candidates, totalTokenCount: prompt + candidates };
}

/** A streamed text answer, one chunk per piece; Gemini separates events with CRLF pairs and sends no [DONE]. */
export function geminiTextStream(pieces: string[], prompt = 12, candidates = 4): UpstreamReply {
  const events = pieces.map((text, i) => ({
    candidates: [{ content: { role: 'model', parts: [{ text }] }, ...(i === pieces.length - 1 ? { finishReason: 'STOP' } : {}) }],
    usageMetadata: usage(prompt, i === pieces.length - 1 ? candidates : 0),
    modelVersion: 'gemini-2.0-flash',
  }));
  return { kind: 'sse', chunks: sseData(...events).map((chunk) => chunk.replace(/\n\n$/, '\r\n\r\n')) };
}

/** A streamed function call (Gemini sends the whole call in one part, without an id). */
export function geminiFunctionCallStream(name: string, args: Record<string, unknown>): UpstreamReply {
  return {
    kind: 'sse',
    chunks: sseData({
      candidates: [{ content: { role: 'model', parts: [{ functionCall: { name, args } }] }, finishReason: 'STOP' }],
      usageMetadata: usage(20, 6),
      modelVersion: 'gemini-2.0-flash',
    }),
  };
}

export function geminiTextMessage(text: string): UpstreamReply {
  return {
    kind: 'json',
    body: { candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP' }], usageMetadata: usage(12, 4), modelVersion: 'gemini-2.0-flash' },
  };
}

/** A Gemini error envelope: `{error:{code, message, status, details?}}`. */
export function geminiError(code: number, status: string, message: string, details?: unknown[]): UpstreamReply {
  return { kind: 'json', status: code, body: { error: { code, message, status, ...(details ? { details } : {}) } } };
}
