import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = ['electron', 'dockerode', 'ws', 'node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto'];
/** What no renderer file may import: it talks only to the bridge. */
const rendererBoundaries = [
  { group: nodeOnly, message: 'The renderer talks only to the bridge: no Node, Electron, dockerode or ws.' },
  { group: ['**/main/**', '../../main/*', '../../../main/*'], message: 'The renderer cannot import main/.' },
  { group: ['**/preload/**'], message: 'The renderer cannot import the preload.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results.json', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererBoundaries }],
    },
  },
  {
    // The renderer's lower folders serve the features; only app/ composes them.
    files: ['renderer/src/{components,store,lib,bridge}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererBoundaries,
            { group: ['**/features/**'], message: 'components/, store/, lib/ and bridge/ sit below the features: a feature imports them, never the other way.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'shared/ is environment-neutral: no Node, Electron or DOM-specific imports.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'shared/ imports nothing from the layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    // main/engines/engine-registry.ts makes one dockerode client per engine id: engine layer, due to move into main/engine/.
    ignores: ['main/index.ts', 'main/shell/**', 'main/engine/**', 'main/engines/engine-registry.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/index.ts and main/shell/ may import electron; the engine code is plain Node.' },
            { name: 'dockerode', allowTypeImports: true, message: 'Only main/engine/ calls dockerode: use the typed, deadline-bound calls in main/engine/gateway.ts.' },
          ],
          patterns: [{ group: ['**/shell/*', '**/shell'], message: 'Domains and the core do not import the Electron shell; the shell imports them.' }],
        },
      ],
    },
  },
  {
    files: ['main/engine/**/*.ts', 'main/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The engine code is plain Node.' }],
          patterns: [{ regex: '^\\.\\./(?!lib/|engine/)[a-z-]+', message: 'main/engine/ and main/lib/ are the bottom layers: they import only shared/, main/lib/ and main/engine/, never a domain.' }],
        },
      ],
    },
  },
  {
    // Features learn what happened from the core's event bus (main/lib/event-bus.ts), never by patching.
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.type='MemberExpression'][left.object.type!='ThisExpression'][right.type=/^(ArrowFunctionExpression|FunctionExpression)$/]",
          message: "Do not reassign another object's method at run time: emit a typed event on the core's bus (main/lib/event-bus.ts) and subscribe to it.",
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['zod', 'dockerode', 'node:*', '**/main/**', '**/renderer/**', '**/shared/api/**'], message: 'The sandboxed preload requires only electron and the channel list.' }] },
      ],
    },
  },
);
