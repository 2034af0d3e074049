// The import boundaries of the project, checked by `npm run lint` (part of `npm test`). The layers,
// from the bottom: src/core (the maths) ← src/domain (the study's vocabulary) ← src/application
// (query, plan, composition, files) ← src/lib, src/features, src/app (the page) and server/.
// Type-only imports count: a type is a dependency too.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing-of-the-project',
      comment: 'The engine is pure maths that the page, the server and the CLI share; it may import only itself (and npm packages).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(?!core/)|server/|tests/|data/)' },
    },
    {
      name: 'domain-imports-only-core',
      comment: 'The domain (registries, rules, wire schemas) is the one home of each domain fact; it builds on the engine alone.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^(src/(?!(core|domain)/)|server/|tests/|data/)' },
    },
    {
      name: 'application-knows-no-ui-or-server',
      comment: 'The application layer runs the same in the browser, the server and the CLI, so it cannot reach up into any of them.',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { path: '^(src/(lib|features|app)/|server/|tests/)' },
    },
    {
      name: 'features-never-import-each-other',
      comment: 'bulletproof-react: a feature is replaceable on its own; src/app composes features and passes data between them.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'only-the-app-composes',
      comment: 'Shared helpers (src/lib) and features serve the app; neither may depend on the app that composes them.',
      severity: 'error',
      from: { path: '^src/(lib|features)/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'lib-below-features',
      comment: 'src/lib holds helpers several features share; a helper that needs a feature belongs in that feature.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'server-never-imports-the-page',
      comment: 'The server and the CLI use the engine, the domain and the application layer, never React components or the page.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'src-never-imports-server-or-tests',
      comment: 'What ships to the browser cannot depend on Node-only server code or on test helpers.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(server|tests)/' },
    },
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one in all but name: neither can be understood, tested or moved alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
