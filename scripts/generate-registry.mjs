#!/usr/bin/env node
// Regenerates src/registry/catalogue.json from the recorded model lists and price snapshot in
// ../shared/fixtures/ (pricing/, model-lists/; provenance in their SOURCES.md: recorded data from other public
// projects stays out of this repository) plus our own corrections in scripts/registry-overrides.json.
// Deterministic: run it twice, get the same file. The committed catalogue (ids, prices, limits) is what users
// get; the merge logic is the typed, tested src/registry/build-catalogue.ts, so build first:
//   npm run build && npm run registry:generate
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builder = join(root, 'dist', 'registry', 'build-catalogue.js');
if (!existsSync(builder)) {
  process.stderr.write(`generate-registry: ${builder} is missing; run \`npm run build\` first.\n`);
  process.exit(1);
}
const { buildCatalogue } = await import(builder);
const shared = process.env.OSS_SHARED_FIXTURES || join(root, '..', 'shared', 'fixtures');
if (!existsSync(shared)) {
  process.stderr.write(`generate-registry: the recorded source data is missing at ${shared} (pricing/, model-lists/); check out the shared fixtures beside this repository or point OSS_SHARED_FIXTURES at them. The committed catalogue is unchanged.\n`);
  process.exit(1);
}
const data = (path) => readFile(path, 'utf8').then(JSON.parse);

const entries = buildCatalogue({
  litellm: await data(join(shared, 'pricing', 'litellm-prices-snapshot.json')),
  gemini: await data(join(shared, 'model-lists', 'gemini-v1beta-models.json')),
  openrouter: await data(join(shared, 'model-lists', 'openrouter-api-v1-models.json')),
  ollamaTags: await data(join(shared, 'model-lists', 'ollama-api-tags.json')),
  overrides: await data(join(root, 'scripts', 'registry-overrides.json')),
});
const out = join(root, 'src', 'registry', 'catalogue.json');
await writeFile(out, `${JSON.stringify(entries, null, 1)}\n`);
process.stdout.write(`generate-registry: wrote ${entries.length} models to src/registry/catalogue.json\n`);
