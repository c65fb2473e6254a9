// `node bench/structured-output.mjs` (after `npm run build`): what holding an answer to Claude Code's schema
// costs the proxy, in-process: loading ajv (paid once, on the first structured request), compiling the hook
// schema (once per schema), and per answer: taking the JSON out of a fenced answer and checking it.
import { performance } from 'node:perf_hooks';
import { extractJsonAnswer } from '../dist/providers/common/extract-json-answer.js';
import { schemaProblem } from '../dist/providers/common/schema-validator.js';
import { round, summarize } from './stats.mjs';

const HOOK_SCHEMA = {
  type: 'object',
  properties: { ok: { type: 'boolean' }, reason: { type: 'string' }, impossible: { type: 'boolean' } },
  required: ['ok', 'reason'],
  additionalProperties: false,
};
const FENCED = 'Here is my decision:\n\n```json\n{\n  "ok": false,\n  "reason": "The prompt asks to write a file."\n}\n```\n\nAnything else?';
const RUNS = 5000;

const firstStart = performance.now();
const first = await schemaProblem(HOOK_SCHEMA, { ok: true, reason: 'x' });
const firstMs = performance.now() - firstStart;
if (first !== undefined) throw new Error(`unexpected problem: ${first}`);

const samples = [];
for (let i = 0; i < RUNS; i += 1) {
  const start = performance.now();
  const extracted = extractJsonAnswer(FENCED);
  const problem = await schemaProblem(HOOK_SCHEMA, extracted?.value);
  samples.push(performance.now() - start);
  if (problem !== undefined) throw new Error(`unexpected problem: ${problem}`);
}
const perAnswer = summarize(samples);
console.log(JSON.stringify({ firstRequestMs: round(firstMs), perAnswerMs: { p50: perAnswer.p50, p95: perAnswer.p95 }, runs: RUNS }, null, 2));
