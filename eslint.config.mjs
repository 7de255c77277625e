import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

// Issue 16, "one way to the database": only a repository speaks SQL to its tables (database/
// holds the DataSource, migrations and the seed machinery; demo data is written once, at start).
const DATABASE_CALL =
  'CallExpression[callee.property.name=/^(query|getRepository|createQueryBuilder|createQueryRunner)$/]';
// Who may do what is a named policy (auth/policy.ts, <feature>.policy.ts), never an inline
// `actor.role === 'admin'`.
const ROLE_COMPARISON = [
  "BinaryExpression[operator=/^[!=]==?$/][right.type='Literal'] > MemberExpression.left[property.name='role']",
  "BinaryExpression[operator=/^[!=]==?$/][right.type='Literal'] > ChainExpression.left > MemberExpression[property.name='role']",
].join(', ');

// Issue 16, "shared pure modules": src/shared/ is bundled into the web client and run by the
// server, so it imports neither the server's frameworks nor the browser's nor node's builtins,
// nor anything outside src/shared/ (specs, which run under jest only, may).
const SHARED_FORBIDDEN = [
  'node:*',
  ...['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'http', 'https', 'os'],
  ...['path', 'stream', 'url', 'util', 'zlib'],
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'pg',
  'class-validator',
  'class-transformer',
  'jsonwebtoken',
  'preact',
  'preact/*',
];
const sharedOnly = (depth) => ({
  files: [`src/shared/${'*/'.repeat(depth)}*.ts`],
  ignores: ['src/shared/**/*.spec.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [...SHARED_FORBIDDEN, `${'../'.repeat(depth + 1)}*`],
            message:
              'src/shared/ is pure: no Nest, no DOM, no node builtins, nothing outside src/shared/.',
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/*.mjs', '**/*.cjs', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [
      'src/**/*.repository.ts',
      'src/database/**',
      'src/**/demo-*.ts',
      'src/**/*.policy.ts',
      'src/auth/policy.ts',
      'src/**/*.spec.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: DATABASE_CALL,
          message: 'Only a repository (<aggregate>.repository.ts) speaks SQL to its tables.',
        },
        {
          selector: ROLE_COMPARISON,
          message: 'Who may do what is a named policy (auth/policy.ts or <feature>.policy.ts).',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  sharedOnly(0),
  sharedOnly(1),
  sharedOnly(2),
);
