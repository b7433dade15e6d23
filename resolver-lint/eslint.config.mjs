// Lints the generated APPSYNC_JS resolver modules (amplify-dsl/target/resolvers/**) with the AppSync plugin's
// recommended, type-aware rules: the language subset (no throw/try/while/classic for/++/classes/regex literals/
// recursion/async/promises) and the disallowed built-ins. Any finding fails the Maven build (amplify-dsl verify).
// Run from the repository root (the modules live outside this folder):
//   resolver-lint/node_modules/.bin/eslint --config resolver-lint/eslint.config.mjs --max-warnings 0 amplify-dsl/target/resolvers
import appsync from '@aws-appsync/eslint-plugin';

const recommended = appsync.configs.recommended;

export default [
  {
    files: ['amplify-dsl/target/resolvers/**/*.js'],
    ...recommended,
    languageOptions: {
      ...recommended.languageOptions,
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: {
        ...(recommended.languageOptions?.parserOptions ?? {}),
        project: './tsconfig.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
];
