// Conformance: every recorded provider answer in ../shared/fixtures/peer (76 responses real providers sent to
// other projects' test suites: OpenAI, DeepSeek, Qwen, Groq, xAI, Mistral, Perplexity, z.ai, vLLM, OpenRouter,
// Gemini/Vertex, Ollama) is served on the provider's real path, in uneven byte pieces, to the real proxy over
// loopback; the answer Claude Code would get, after the official SDK accumulator, must equal what the
// recording says (test/support/recording-reference.ts reads that independently): text, thinking, tool names
// and arguments, stop reason, usage, or the error type. The OpenAI-style and Gemini streams in
// ../shared/fixtures/wire get the same treatment. Skipped, with one line, when ../shared is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import type { OssConfig } from '../../src/config/config-types.js';
import type { RecordingServer } from '../support/scripted-upstream.js';
import { closeAfterEach, planFor, startProxy } from '../support/proxy-harness.js';
import { accumulateWithSdk } from '../support/sdk-accumulate.js';
import { SHARED_FIXTURES, itRecorded } from '../support/shared-fixtures.js';
import { baseUrlFor, realPath, startReplay, wireBody as wireBodyOf, type PeerFixture } from '../support/replay-recording.js';
import {
  normaliseBlocks,
  readErrorStatus,
  readGeminiEvents,
  readOpenAIJson,
  readOpenAIStream,
  sseEvents,
  type Expected,
  type ExpectedBlock,
} from '../support/recording-reference.js';

const PEER = join(SHARED_FIXTURES, 'peer');
const manifestPath = join(PEER, 'manifest.json');
const fixtures: PeerFixture[] = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { fixtures: PeerFixture[] }).fixtures : [];

const WIRE = join(SHARED_FIXTURES, 'wire');

/** The provider answers among the wire/ streams (Anthropic's own streams and Ollama's native API are not translated). */
function wireStreams(): PeerFixture[] {
  if (!existsSync(WIRE)) return [];
  return readdirSync(WIRE)
    .filter((file) => /\.(sse|jsonl)$/.test(file) && !file.startsWith('anthropic-stream-'))
    .sort()
    .map((file): PeerFixture => {
      const gemini = file.startsWith('gemini-') || file.startsWith('vertex-');
      return {
        name: file,
        wire: gemini ? 'gemini' : 'openai',
        provider: gemini ? 'gemini' : file.startsWith('openrouter-') ? 'openrouter' : 'openai',
        model: gemini ? 'gemini-2.5-flash' : 'recorded-model',
        mode: 'stream',
        status: 200,
        file,
        framing: file.endsWith('.sse') ? 'raw' : 'jsonl',
        request: { prompt: 'Go on.' },
        notes: 'wire/ stream',
      };
    });
}

const session = closeAfterEach<RecordingServer>();

function expectedFor(fixture: PeerFixture, stored: string): Expected {
  if (fixture.status !== 200) return readErrorStatus(fixture.status);
  if (fixture.wire === 'openai') return fixture.mode === 'stream' ? readOpenAIStream(wireBodyOf(fixture, stored)) : readOpenAIJson(stored);
  if (fixture.mode === 'json') return readGeminiEvents([JSON.parse(stored)], false);
  return readGeminiEvents(sseEvents(wireBodyOf(fixture, stored)).map((e) => JSON.parse(e.data)), true);
}

/** The request Claude Code would send for the recorded prompt (converted to Anthropic form in the manifest). */
function anthropicRequest(fixture: PeerFixture): Record<string, unknown> {
  const { prompt, system, thinking, tools } = fixture.request;
  return {
    model: `${fixture.provider}/${fixture.model}`,
    max_tokens: 4096,
    stream: fixture.mode === 'stream',
    messages: [{ role: 'user', content: prompt }],
    ...(system ? { system } : {}),
    ...(tools ? { tools } : {}),
    ...(thinking ? { thinking: { type: 'enabled', budget_tokens: 2048 } } : {}),
  };
}

function configFor(fixture: PeerFixture, server: RecordingServer): OssConfig {
  return { providers: { [fixture.provider]: { baseUrl: baseUrlFor(fixture, server) } } } as OssConfig;
}

const KEYS = { OPENAI_API_KEY: 'sk-test-openai', OPENROUTER_API_KEY: 'sk-test-openrouter', GEMINI_API_KEY: 'test-gemini' };

/** The accumulated message, reduced to what a recording can say (ids and signatures are checked, then set aside). */
function observed(message: Message): Expected {
  const blocks: ExpectedBlock[] = message.content.map((block) => {
    if (block.type === 'text') return { type: 'text', text: block.text };
    if (block.type === 'thinking') {
      expect(typeof block.signature).toBe('string');
      return { type: 'thinking', thinking: block.thinking };
    }
    if (block.type === 'tool_use') {
      expect(block.id).toMatch(/^toolu_[A-Za-z0-9_-]+$/);
      return { type: 'tool_use', name: block.name, input: block.input };
    }
    throw new Error(`unexpected block type ${block.type}`);
  });
  const { input_tokens, output_tokens, cache_read_input_tokens, cache_creation_input_tokens } = message.usage;
  return {
    kind: 'message',
    content: normaliseBlocks(blocks),
    stop_reason: String(message.stop_reason),
    usage: { input_tokens, output_tokens, cache_read_input_tokens: cache_read_input_tokens ?? 0, cache_creation_input_tokens: cache_creation_input_tokens ?? 0 },
  };
}

/** Where the recording carries no usage, oss estimates it: a whole, non-negative count is all that can be checked. */
function withEstimate(actual: Expected, expected: Expected): Expected {
  if (actual.kind !== 'message' || expected.kind !== 'message' || expected.usage !== 'estimated' || actual.usage === 'estimated') return actual;
  for (const value of Object.values(actual.usage)) expect(Number.isInteger(value) && value >= 0).toBe(true);
  return { ...actual, usage: 'estimated' };
}

async function answerThroughProxy(fixture: PeerFixture, response: Response): Promise<Expected> {
  const text = await response.text();
  if (response.status !== 200) {
    const body = JSON.parse(text) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.message).not.toBe('');
    return { kind: 'error', type: body.error.type };
  }
  if (fixture.mode === 'json') {
    const message = JSON.parse(text) as Message;
    expect(message.id).toMatch(/^msg_/);
    expect(message.model).toBe(`${fixture.provider}/${fixture.model}`);
    return observed(message);
  }
  try {
    const message = await accumulateWithSdk(text);
    expect(message.model).toBe(`${fixture.provider}/${fixture.model}`);
    return observed(message);
  } catch (error) {
    const type = (error as { error?: { error?: { type?: string } } }).error?.error?.type;
    if (!type) throw error;
    return { kind: 'error', type };
  }
}

describe('peer fixtures replayed through the proxy', () => {
  itRecorded('the manifest lists the 76 recorded answers', () => {
    expect(fixtures).toHaveLength(76);
  });

  const cases = [...fixtures.map((fixture) => ({ fixture, dir: PEER })), ...wireStreams().map((fixture) => ({ fixture, dir: WIRE }))];
  for (const { fixture, dir } of cases) {
    itRecorded(`${fixture.name}: ${fixture.notes}`, async () => {
      const stored = readFileSync(join(dir, fixture.file), 'utf8');
      session.upstream = await startReplay(fixture, stored);
      session.running = await startProxy({
        plan: planFor(`${fixture.provider}/${fixture.model}`, { fallback: false }),
        config: configFor(fixture, session.upstream),
        env: KEYS,
      });
      const response = await session.running.post('/v1/messages', anthropicRequest(fixture), { 'x-api-key': 'sk-ant-user' });
      const expected = expectedFor(fixture, stored);
      expect(withEstimate(await answerThroughProxy(fixture, response), expected)).toEqual(expected);
      expect(session.upstream.requests.length).toBeGreaterThan(0);
      for (const request of session.upstream.requests) expect(request.url).toBe(realPath(fixture));
    });
  }
});
