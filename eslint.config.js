// ESLint flat config: the architecture's boundaries (docs/../ARCHITECTURE rules 1, 2, 11), checked on every `npm test`.
// Type-aware rules use typescript-eslint's project service, which finds each file's own tsconfig.json.
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const root = import.meta.dirname;

// One zone per web feature: a feature imports no other feature (shared pieces live in components/ or lib/).
const webFeatures = readdirSync(`${root}/apps/web/src/features`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const featureZones = webFeatures.map((feature) => ({
  target: `./apps/web/src/features/${feature}`,
  from: './apps/web/src/features',
  except: [`./${feature}`],
  message: 'A web feature imports no other feature: move the shared piece to components/ or lib/, or compose them in app/routes/.',
}));

const nodeIo = ['fs', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'dns', 'tls', 'worker_threads', 'cluster'];
const domainForbidden = [
  ...nodeIo.flatMap((m) => [m, `${m}/*`, `node:${m}`, `node:${m}/*`]),
  '@jqt/server', '@jqt/server/*', '@jqt/web', '@jqt/web/*',
  'pg', 'pg/*', 'drizzle-orm', 'drizzle-orm/*', 'drizzle-kit', 'fastify', 'fastify/*', '@fastify/*', 'fastify-*', '@electric-sql/*',
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'apps/web/dist/**', 'apps/server/drizzle/**', 'data/**', 'bench/results/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: {
          // Files outside the three tsconfig.json (bench, drizzle's config) are checked with the base options.
          allowDefaultProject: ['bench/*.ts', 'test-support/*.ts', 'apps/server/drizzle.config.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: root,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      // node:test's test() and describe() return promises that the runner itself awaits; react-router's navigate()
      // returns the data router's own navigation promise: loader and action errors go to the route's error boundary.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
            { from: 'package', package: 'react-router', name: 'NavigateFunction' },
          ],
        },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      // Written again in the routes block below, whose own no-restricted-syntax replaces this one for routes.ts.
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='DomainError'] > ObjectExpression > Property[key.name='status']", message: 'A DomainError says its kind (invalid, not-found …); only the problem+json plugin turns kinds into HTTP statuses.' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './packages', from: './apps', message: 'The domain imports nothing from apps/ (ARCHITECTURE rule 1).' },
            { target: './apps/web', from: './apps/server', message: 'The web app never imports the server: use the HTTP API.' },
            { target: './apps/server/src/modules/*/routes.ts', from: './apps/server/src/db', message: 'A route never reaches the db: call a service (ARCHITECTURE rule 2).' },
            { target: './apps/server/src/modules/*/routes.ts', from: './apps/server/src/modules/*/repository.ts', message: 'A route never calls a repository: call a service (ARCHITECTURE rule 2).' },
            ...featureZones,
          ],
        },
      ],
    },
  },
  {
    files: ['packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: domainForbidden, message: 'The domain does no I/O: no node I/O modules, database or HTTP framework (ARCHITECTURE rule 1).' }] }],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@jqt/server', '@jqt/server/*'], message: 'The web app never imports the server: use the HTTP API.' }] }],
    },
  },
  {
    files: ['apps/server/src/modules/*/routes.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['drizzle-orm', 'drizzle-orm/*', 'pg', 'pg/*', '@electric-sql/*'], message: 'A route never writes SQL: call a service (ARCHITECTURE rule 2).' }] }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ctx'][property.name='database']", message: 'A route never reaches the db: call one service function (ARCHITECTURE rule 2).' },
        { selector: "NewExpression[callee.name='DomainError'] > ObjectExpression > Property[key.name='status']", message: 'A DomainError says its kind (invalid, not-found …); only the problem+json plugin turns kinds into HTTP statuses.' },
      ],
    },
  },
  {
    // service.ts, and the other use-case files of a module (applications/packages.ts, traffic/access.ts …): only routes.ts speaks HTTP.
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: ['apps/server/src/modules/*/routes.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['fastify', 'fastify/*', '@fastify/*', 'fastify-*'], message: 'A service knows no HTTP framework: take plain arguments, return plain data.' }] }],
    },
  },
);
