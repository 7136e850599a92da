import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A deferred transaction that reads before it writes fails with SQLITE_BUSY, without waiting,
    // when a checkpoint holds the write lock: the store's writes go through inTransaction (IMMEDIATE).
    files: ['src/store/sqlite/**/*.ts'],
    ignores: [
      'src/store/sqlite/in-transaction.ts',
      'src/store/sqlite/backlog-queries.ts',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message:
            'Write transactions use inTransaction (in-transaction.ts): BEGIN IMMEDIATE waits for the write lock where a deferred one fails.',
        },
      ],
    },
  },
);
