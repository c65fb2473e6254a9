// POST /v1/messages: pick the route, call its model, and give Claude Code a well-formed answer whatever
// happens upstream. Before the first content reaches Claude Code (keep-alive comments may have) a failing
// provider may be retried briefly and then replaced by Claude (when the plan allows it); after that, failures
// end the stream with `event: error`. The request's shape is checked first: a malformed one never goes out.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { isClaudeModel, parseProvider } from '../model-id.js';
import { AnthropicStreamWriter, type WireDelta } from '../providers/common/anthropic-stream-writer.js';
import type { AnthropicRequest } from '../providers/common/anthropic-types.js';
import type { ProviderError } from '../providers/common/provider-error.js';
import { estimateTokensFromLength } from '../providers/common/token-estimate.js';
import { errorFromStreamEvent } from '../providers/common/upstream-error.js';
import type { TranslatedUsage } from '../providers/common/upstream-usage.js';
import { claudeModelFor, type PassThroughCall } from '../providers/anthropic/pass-through.js';
import { asProviderError, proxyError, writeErrorReply } from './anthropic-error-reply.js';
import { claudeCredentialHeaders } from './claude-credential-headers.js';
import { shouldFallBack, withBoundedRetry } from './fallback-policy.js';
import { headersTimeoutFor } from './headers-timeout.js';
import { KeepAlive } from './keep-alive.js';
import { pingWhileSilent } from './ping-while-silent.js';
import { relayPassThrough, type BeforeEnd } from './relay-pass-through.js';
import { requestShapeError } from './request-shape.js';
import type { RouteTarget } from './route-targets.js';
import { selectRoute } from './select-route.js';
import type { IncomingMessages, MessagesContext } from './messages-context.js';
import { passThroughCall, type MessageExchange } from './message-exchange.js';
import { handleServerTool } from './server-tools/handle-server-tool.js';
import { answerWarmup } from './warmup-reply.js';
import { SseReplySink } from './sse-reply-sink.js';
import { estimatedUsage, usageEvent, usageOrEstimate, type RequestOutcome, type RequestRecord } from './usage-reporting.js';

type Translated = Extract<RouteTarget, { kind: 'translated' }>;
type AnthropicProvider = Extract<RouteTarget, { kind: 'anthropic' }>;

export async function handleMessages(ctx: MessagesContext, incoming: IncomingMessages, res: ServerResponse): Promise<void> {
  const at = Date.now();
  const shapeError = await requestShapeError(incoming.body);
  if (shapeError !== undefined) {
    writeErrorReply(res, proxyError(400, 'invalid_request_error', shapeError));
    return;
  }
  // Claude Code may have left while the check loaded (the first request loads ajv).
  if (res.destroyed) return;
  const body = incoming.body as Record<string, unknown>;
  const abort = new AbortController();
  // Until the first content event, a streaming answer is kept alive with SSE comments (not message_start).
  const keepAlive = body.stream === true ? new KeepAlive(res, ctx.pingIntervalMs) : undefined;
  res.on('close', () => {
    keepAlive?.stop();
    if (!res.writableEnded) abort.abort();
  });
  // Spending caps come before any upstream call, a WebSearch sub-request's included.
  const refused = ctx.budget?.refusal();
  if (refused) {
    writeErrorReply(res, refused);
    return;
  }
  const credential = claudeCredentialHeaders(incoming.headers, ctx.secret);
  if (credential.headers !== incoming.headers) incoming = { ...incoming, headers: credential.headers };
  if (credential.placeholderOnly) ctx = { ...ctx, claudeAvailable: false };
  const exchange: MessageExchange = { ctx, incoming, body, res, signal: abort.signal };
  if (await handleServerTool(exchange)) return;
  const route = selectRoute(body, incoming.headers, ctx.plan, ctx.knownModels);
  if (route.warmup && !isClaudeModel(route.model)) {
    answerWarmup(res, route.model, body.stream === true);
    return;
  }
  const record: RequestRecord = { prompt: route.prompt, model: route.model, provider: parseProvider(route.model) ?? route.model, at };
  // One report per request, made before Claude Code can see the answer end when the answer completes (the
  // MessageRun's beforeEnd), so a spending cap checked on its next request always counts this one.
  let reported = false;
  const report = (outcome: RequestOutcome, who = record): void => {
    if (reported) return;
    reported = true;
    ctx.onUsage?.(usageEvent(who, outcome));
  };

  let target: RouteTarget;
  try {
    target = await ctx.targets.resolve(route.model);
  } catch (caught) {
    writeErrorReply(res, asProviderError(caught));
    report({ ok: false });
    return;
  }
  record.provider = target.provider;
  // A bare `claude` route answers with the model Claude Code asked for: name it so the ledger can price it.
  if (target.kind === 'claude' && !target.claudeModel) record.model = `claude/${claudeModelFor(body.model, undefined)}`;
  const run = new MessageRun(exchange, keepAlive);
  run.beforeEnd = (result) => report(result);
  const fallbackAllowed = ctx.plan.fallback && ctx.claudeAvailable && target.kind !== 'claude';
  try {
    const result =
      target.kind === 'claude'
        ? await run.claude(target.claudeModel)
        : await run.callProvider(target, fallbackAllowed);
    report(result);
    return;
  } catch (caught) {
    const error = asProviderError(caught);
    if (res.destroyed || (res.headersSent && !keepAlive?.onlyComments)) {
      // Claude Code left before the first byte: the upstream had the request, so count it by estimate.
      report({ ok: false, usage: abort.signal.aborted ? run.estimatedUsage() : undefined });
      return;
    }
    if (!fallbackAllowed || abort.signal.aborted || !shouldFallBack(error)) {
      writeErrorReply(res, error);
      report({ ok: false });
      return;
    }
    const refusedFallback = ctx.budget?.refusal();
    if (refusedFallback) {
      writeErrorReply(res, refusedFallback);
      report({ ok: false });
      return;
    }
    ctx.onFallback?.(`oss: ${route.model} failed (${oneLine(error.message)}): falling back to Claude`);
  }
  // The Claude model that answered, as `claude/<id>`: the ledger can price it (the registry reads it as anthropic/<id>).
  const claude: RequestRecord = { ...record, model: `claude/${claudeModelFor(body.model, undefined)}`, provider: 'claude' };
  run.beforeEnd = (result) => report({ ...result, fallback: true }, claude);
  try {
    const result = await run.claude(undefined);
    report({ ...result, fallback: true }, claude);
  } catch (caught) {
    if (!res.destroyed && (!res.headersSent || keepAlive?.onlyComments)) writeErrorReply(res, asProviderError(caught));
    report({ ok: false, fallback: true, usage: abort.signal.aborted ? run.estimatedUsage() : undefined }, claude);
  }
}

interface CallResult {
  usage: TranslatedUsage | undefined;
  ok: boolean;
  firstByteAt: number | undefined;
}

/** One request's calls to its provider (and to Claude when that fails). */
class MessageRun {
  constructor(
    private readonly exchange: MessageExchange,
    private readonly keepAlive: KeepAlive | undefined,
  ) {}

  /** While Claude Code has not taken what was written, a promise that resolves when it has. */
  private readonly clientReady = (): Promise<void> | undefined =>
    this.exchange.res.writableNeedDrain ? once(this.exchange.res, 'drain', { signal: this.exchange.signal }).then(() => undefined) : undefined;

  /** Records the answer's usage; called before Claude Code can see a completed answer end. */
  beforeEnd: BeforeEnd | undefined;

  /** Characters of content (text, thinking, tool input) sent to Claude Code by a translated stream. */
  private streamedChars = 0;

  /** Cheap estimate from the body's length: no tokenizing on the per-request path. */
  private get inputTokenEstimate(): number {
    return estimateTokensFromLength(this.exchange.incoming.rawBody.length);
  }

  /** For an answer that ended without the upstream's figures: estimated from the request and what streamed. */
  estimatedUsage(streamedChars = this.streamedChars): TranslatedUsage {
    return estimatedUsage(this.inputTokenEstimate, streamedChars);
  }

  /** Native Claude with the user's credentials; `model` for a `claude/<id>` route. */
  async claude(model: string | undefined): Promise<CallResult> {
    if (!this.exchange.ctx.claudeAvailable) throw noClaude();
    return this.relay(passThroughCall(this.exchange, { kind: 'claude', baseUrl: this.exchange.ctx.claudeBaseUrl, ...(model ? { model } : {}) }));
  }

  private async relay(call: PassThroughCall): Promise<CallResult> {
    const relayed = await relayPassThrough(call, this.exchange.res, this.keepAlive, this.beforeEnd);
    const usage = relayed.cut ? usageOrEstimate(relayed.usage, this.estimatedUsage(relayed.streamedChars), false) : relayed.usage;
    return { usage, ok: relayed.ok, firstByteAt: relayed.firstByteAt };
  }

  /** Throws a ProviderError when nothing has reached Claude Code yet; after that, answers the failure itself. */
  async callProvider(target: Translated | AnthropicProvider, retrying: boolean): Promise<CallResult> {
    if (target.keyError) throw target.keyError;
    const attempt = <T>(call: () => Promise<T>): Promise<T> => (retrying ? withBoundedRetry(call, this.exchange.ctx.retry, this.exchange.signal) : call());
    const stream = this.exchange.body.stream === true;
    const headersTimeoutMs = headersTimeoutFor(target.provider, target.endpoint, stream, this.exchange.ctx.streamHeadersMs);
    if (target.kind === 'anthropic') {
      const call = passThroughCall(this.exchange, { kind: 'provider', endpoint: target.endpoint, target: target.target }, headersTimeoutMs);
      return attempt(() => this.relay(call));
    }
    const opened = await attempt(() =>
      target.adapter({
        request: this.exchange.body as unknown as AnthropicRequest,
        target: target.target,
        endpoint: target.endpoint,
        stream,
        inputTokenEstimate: this.inputTokenEstimate,
        signal: this.exchange.signal,
        dispatcher: this.exchange.ctx.dispatcher,
        clientReady: this.clientReady,
        ...(headersTimeoutMs !== undefined ? { headersTimeoutMs } : {}),
      }),
    );
    if (!stream) {
      const { message, usage } = await opened.message();
      const firstByteAt = Date.now();
      this.beforeEnd?.({ usage, ok: true, firstByteAt });
      this.exchange.res.writeHead(200, { 'content-type': 'application/json' });
      this.exchange.res.write(JSON.stringify(message));
      await this.clientReady()?.catch(() => undefined);
      this.exchange.res.end();
      return { usage, ok: true, firstByteAt };
    }
    return this.stream(target, opened);
  }

  private async stream(target: Translated, opened: Awaited<ReturnType<Translated['adapter']>>): Promise<CallResult> {
    const sink = new SseReplySink(this.exchange.res, this.keepAlive);
    // Pings only once content flows; before that the keep-alive comments hold the line.
    const silence = pingWhileSilent(() => {
      if (sink.committed) writer.ping();
    }, this.exchange.ctx.pingIntervalMs);
    let failed = false;
    const writer = new AnthropicStreamWriter(
      (event) => {
        silence.touch();
        if (event.type === 'error') failed = true;
        else if (event.type === 'content_block_delta') this.streamedChars += deltaLength(event.delta);
        else if (event.type === 'message_stop') {
          // Priced before Claude Code reads the end, with the figures message_delta just carried.
          this.beforeEnd?.({ usage: usageOrEstimate(writer.finalUsage, this.estimatedUsage(), true), ok: true, firstByteAt: sink.firstByteAt ?? Date.now() });
        }
        sink.write(event);
      },
      { model: target.target.id, inputTokenEstimate: this.inputTokenEstimate },
    );
    let usage: TranslatedUsage | undefined;
    try {
      usage = await opened.pipe(writer);
    } catch (caught) {
      const error = asProviderError(caught);
      if (!sink.committed) throw error;
      writer.error(error.type, error.message);
    } finally {
      silence.stop();
    }
    if (!writer.isEnded) writer.error('api_error', `${target.model}: the provider's stream ended before the answer was complete; ask again, or run \`oss models test ${target.model}\``);
    if (!sink.committed) {
      throw sink.earlyError ? errorFromStreamEvent(sink.earlyError, target.provider) : proxyError(502, 'api_error', `${target.model}: the provider answered with nothing; run \`oss models test ${target.model}\` to check it`, true);
    }
    sink.end();
    return { usage: usageOrEstimate(usage, this.estimatedUsage(), !failed), ok: !failed, firstByteAt: sink.firstByteAt };
  }
}

function deltaLength(delta: WireDelta): number {
  switch (delta.type) {
    case 'text_delta':
      return delta.text.length;
    case 'thinking_delta':
      return delta.thinking.length;
    case 'input_json_delta':
      return delta.partial_json.length;
    case 'signature_delta':
      return 0;
  }
}

function oneLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

function noClaude(): ProviderError {
  return proxyError(
    401,
    'authentication_error',
    'oss: this request is routed to Claude, but no Anthropic credentials were found: set ANTHROPIC_API_KEY or run `claude /login`',
  );
}
