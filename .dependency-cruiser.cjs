// The import rules of src/ (docs/architecture.md), checked by `npm run lint:deps` as part of `npm test`:
// no cycles, and no import from a higher layer. Layers, lowest first: the root files (model-id, io, errors,
// redact), providers, config, registry, usage, routing, proxy, launcher, cli.
/* global module */
const LAYERS = ['providers', 'config', 'registry', 'usage', 'routing', 'proxy', 'launcher', 'cli'];

const upward = LAYERS.map((layer, index) => ({
  name: `no-upward-from-${layer}`,
  comment: `src/${layer} sits below ${LAYERS.slice(index + 1).join(', ') || 'nothing'}: it must not import from them`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(index + 1).join('|') || '$^'})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles, type-only ones too, tie files that should change alone',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'root-files-import-no-layer',
      comment: 'The files directly in src/ sit below every layer',
      severity: 'error',
      from: { path: '^src/[^/]+$' },
      to: { path: `^src/(${LAYERS.join('|')})/` },
    },
    ...upward.filter((rule) => rule.to.path !== '^src/($^)/'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
