// House rules a machine can keep: which code may import what, and patterns that lose data or open XSS.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_AND_DATABASE = [
  { group: ['node:*'], message: 'Node built-ins belong in src-main.' },
  { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'The database belongs in src-main.' },
  {
    group: ['electron'],
    message: 'Only the Electron adapter (src-main/index.ts, src-main/electron/) imports electron.',
  },
];

const noAsyncTransaction = {
  selector:
    "CallExpression[callee.property.name='transaction'] > :matches(ArrowFunctionExpression, FunctionExpression)[async=true]",
  message:
    'better-sqlite3 transactions are synchronous: statements after an await run outside the transaction (reliability.md §0.3).',
};
const noHtmlInjection = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'User content is text: never render it as HTML.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'User content is text: never render it as HTML.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'migrations/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-syntax': ['error', noAsyncTransaction, ...noHtmlInjection],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/**/*.ts', 'tests/**/*.{ts,mjs}', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/index.ts', 'src-main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NODE_AND_DATABASE[2]] }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...NODE_AND_DATABASE,
            {
              group: ['react', 'react-dom', '**/src-main/**', '**/src-renderer/**'],
              message: 'src-shared is the contract: no UI, no main-process code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // TanStack Table is on the design card; we do not use the React Compiler, so its opt-out warning is noise.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...NODE_AND_DATABASE,
            { group: ['**/src-main/**'], message: 'The renderer talks to the backend only through api/.' },
          ],
        },
      ],
    },
  },
);
