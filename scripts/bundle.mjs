// Bundles the CLI for start-up speed: `oss` lives in shell aliases, and loading a few hundred small ES
// modules from node_modules (fastify, undici, execa, commander…) costs more than running them. esbuild
// joins src/cli/main.ts and everything it imports into dist/bundle/: one entry file for what every command
// needs, and one chunk per lazily imported part (the proxy, each command), so the all-Claude `oss run`
// never reads the proxy's code. bin/oss.js loads the bundle; the per-file tsc output in dist/ stays for the
// tests and benches that import single modules. The bundle sits two folders below the package root, as
// dist/cli/ does, so paths built from import.meta.url (package.json, node_modules/.bin/claude) still hold.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outdir = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
rmSync(outdir, { recursive: true, force: true });

/**
 * js-yaml 3 (gray-matter's YAML parser) requires esprima, a whole JavaScript parser, when it loads, hidden
 * from bundlers so that it happens at run time: about 7 ms of CPU. Only its `!!js/function` type uses it,
 * and gray-matter parses with js-yaml's safe schema, which has no such type. In the bundle it is not required.
 */
const skipEsprima = {
  name: 'skip-esprima',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /node_modules[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replace("esprima = _require('esprima');", 'esprima = undefined;');
      if (patched === source) throw new Error(`bundle: ${args.path} changed; update the skip-esprima plugin`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * oss uses two things from undici: `Agent` (the upstream pool) and `request`. undici's index.js also loads
 * fetch, WebSocket, EventSource, the cache, cookies and the mocks: about 1 MB of code whose loading cost
 * `oss serve` about 20 ms of CPU before it could answer (paired, in docs/benchmarks.md). In the bundle,
 * `undici` is this module instead: undici's own Agent and request API, with `request(url, options)` doing
 * what undici's exported one does for oss's calls (split the URL into origin and path, use
 * `options.dispatcher`). Only the bundle changes: the code and its types still import undici itself. (The
 * index also had its cookie helpers read `globalThis.Headers`, which makes Node load its own built-in copy
 * of undici: 17 ms more. None of that is loaded now.)
 */
const undiciCore = {
  name: 'undici-core',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^undici$/ }, (args) =>
      args.namespace === 'undici-core' ? undefined : { path: 'undici', namespace: 'undici-core' },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'undici-core' }, () => ({
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'js',
      contents: [
        "const Agent = require('undici/lib/dispatcher/agent.js');",
        "const Dispatcher = require('undici/lib/dispatcher/dispatcher.js');",
        "const api = require('undici/lib/api/index.js');",
        "const { getGlobalDispatcher } = require('undici/lib/global.js');",
        // As undici's index.js does: every dispatcher gets request(), stream(), pipeline()…
        'Object.assign(Dispatcher.prototype, api);',
        'function request(url, options = {}) {',
        '  const target = new URL(url);',
        '  const { dispatcher = getGlobalDispatcher(), ...rest } = options;',
        "  return dispatcher.request({ ...rest, origin: target.origin, path: target.pathname + target.search, method: rest.method || (rest.body ? 'PUT' : 'GET') });",
        '}',
        'module.exports = { Agent, Dispatcher, request };',
      ].join('\n'),
    }));
  },
};

/**
 * Packages Fastify requires only for features the proxy does not use: pino for a logger (logger: false),
 * light-my-request for inject() (tests only, from dist/), and its ajv and fast-json-stringify compilers for
 * route schemas (build-server.ts gives it its own compilers: no route has a schema). Each is required lazily,
 * when that feature is first used, but a bundle holds whatever is required: about 750 KB that every process
 * starting the proxy parsed (with ajv, which then loads only for structured output). Here each is a module
 * that throws, loudly, should Fastify ever load it.
 */
const FASTIFY_UNUSED = /^(pino|light-my-request|@fastify\/ajv-compiler|@fastify\/fast-json-stringify-compiler)$/;
const leaveOutFastifyExtras = {
  name: 'leave-out-fastify-extras',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: FASTIFY_UNUSED }, (args) =>
      /node_modules[\\/]fastify[\\/]/.test(args.importer) ? { path: args.path, namespace: 'left-out' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      loader: 'js',
      contents: `throw new Error(${JSON.stringify(`oss: ${args.path} is not in the bundle (scripts/bundle.mjs): Fastify loads it only for a logger, inject() or route schemas, which the proxy does not use`)});`,
    }));
  },
};

await build({
  plugins: [undiciCore, leaveOutFastifyExtras, skipEsprima],
  entryPoints: { oss: fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)) },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Chunks sit beside the entry, so import.meta.url is two folders below the package root in every file.
  chunkNames: '[name]-[hash]',
  // Bundled CommonJS packages call require() on Node built-ins and read __filename (write-file-atomic names
  // its temp files from it); an ES module has neither, so every file of the bundle defines them.
  banner: {
    js: [
      "import { createRequire as __ossCreateRequire } from 'node:module';",
      "import { fileURLToPath as __ossFileURLToPath } from 'node:url';",
      'const require = __ossCreateRequire(import.meta.url);',
      'const __filename = __ossFileURLToPath(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    ].join(' '),
  },
  legalComments: 'none',
  logLevel: 'warning',
});

// The model catalogue is read at run time from beside the module that uses it (registry.ts), on first use.
copyFileSync(fileURLToPath(new URL('../src/registry/catalogue.json', import.meta.url)), `${outdir}catalogue.json`);
