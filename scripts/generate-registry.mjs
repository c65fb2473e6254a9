#!/usr/bin/env node
// Regenerates src/registry/catalogue.json from the data in scripts/registry-data/ (provenance in its
// SOURCES.md). Deterministic: run it twice, get the same file. The merge logic is the typed, tested
// src/registry/build-catalogue.ts, so build first:  npm run build && npm run registry:generate
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
const data = (name) => readFile(join(root, 'scripts', 'registry-data', name), 'utf8').then(JSON.parse);

const entries = buildCatalogue({
  litellm: await data('litellm-prices-snapshot.json'),
  gemini: await data('gemini-v1beta-models.json'),
  openrouter: await data('openrouter-api-v1-models.json'),
  ollamaTags: await data('ollama-api-tags.json'),
  overrides: await data('overrides.json'),
});
const out = join(root, 'src', 'registry', 'catalogue.json');
await writeFile(out, `${JSON.stringify(entries, null, 1)}\n`);
process.stdout.write(`generate-registry: wrote ${entries.length} models to src/registry/catalogue.json\n`);
