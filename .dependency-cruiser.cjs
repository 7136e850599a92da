/** Layers point down only (see docs/architecture.md); no cycles anywhere. */
const layer = (name, mayNotImport) => ({
  name: `${name}-layering`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${mayNotImport.join('|')})/` },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    layer('lib', [
      'domain',
      'store',
      'formats',
      'signing',
      'delivery',
      'bots',
      'inspector',
      'api',
      'app',
      'cli',
    ]),
    layer('domain', [
      'store',
      'formats',
      'signing',
      'delivery',
      'bots',
      'inspector',
      'api',
      'app',
      'cli',
    ]),
    layer('store', ['formats', 'signing', 'delivery', 'bots', 'inspector', 'api', 'app', 'cli']),
    layer('signing', ['store', 'formats', 'delivery', 'bots', 'inspector', 'api', 'app', 'cli']),
    layer('formats', ['store', 'delivery', 'bots', 'inspector', 'api', 'app', 'cli']),
    layer('delivery', ['bots', 'inspector', 'api', 'app', 'cli']),
    layer('bots', ['inspector', 'api', 'app', 'cli']),
    layer('inspector', ['bots', 'api', 'app', 'cli']),
    layer('api', ['app', 'cli']),
    layer('app', ['cli']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
