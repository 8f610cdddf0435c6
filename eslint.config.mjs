// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, plus the type-aware
// rules that catch real bugs in a NestJS service (promises left floating or passed where a callback
// returns void, awaits on non-promises). Formatting is Prettier's (npm run lint runs both).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'src/client/**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', '*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // rows from raw SQL and JSON bodies are `any` by nature; the typed query helper (issue 13) narrows them
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Issue 13: SQL in src goes through the typed helper (src/database/sql.ts), which binds each value
    // where it is used; raw query() calls and positional $1 parameters belong to src/database/ only.
    files: ['src/**/*.ts'],
    ignores: ['src/database/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='query']",
          message:
            'Raw query() call: write the statement with sql`…` and run it with rows(), row() or execute() from src/database/sql.ts (values bound where they are used, camelCase typed rows).',
        },
        {
          selector: 'TemplateElement[value.raw=/\\$\\d/]',
          message: 'Positional $1-style parameter in SQL text: bind the value where it is used with sql`… ${value} …` (src/database/sql.ts).',
        },
        {
          selector: 'Literal[value=/\\$\\d/]',
          message: 'Positional $1-style parameter in SQL text: bind the value where it is used with sql`… ${value} …` (src/database/sql.ts).',
        },
      ],
    },
  },
  {
    // TypeORM types its list of migrations as Function[]
    files: ['migrations/index.ts'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    // build scripts have their own tsconfig (tsconfig.scripts.json): linted without type information
    files: ['scripts/**/*.ts'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false, project: null } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        URL: 'readonly',
      },
    },
  },
);
