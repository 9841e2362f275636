// One lint config for the whole workspace (flat config). TypeScript is linted with type
// information (each file through the tsconfig of its package); plain JS tools without it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'cms/widget-dist/**',
      'cms/app/.tmp/**',
      'cms/app/.strapi/**',
      'cms/app/build/**',
      'cms/app/public/**',
      'cms/app/types/**',
      'coverage/**',
      'tests/.results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Build tools, config files and test servers in plain JS: checked without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node, ...globals.browser },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Entries of the Document Service and the Query Engine are untyped here: this plugin's UIDs
    // are not in Strapi's generated types, so `Doc` (utils/documents.ts) is a loose record and
    // reading its fields is the point of these files. Everything else stays type-checked.
    files: ['cms/server/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // The Strapi admin's hooks (useFetchClient, useNotification, …) hand out bound functions.
    files: ['cms/admin/src/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Lit binds the listeners of `@event=${this.method}` to the host element, and the tests keep
    // browser methods aside to restore them: neither loses its `this`.
    files: ['widget/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Test doubles stand in for async APIs without awaiting anything themselves.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    files: ['widget/**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  { files: ['widget/src/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['widget/src/**/*.ts'], ...wc.configs['flat/recommended'] },
  { files: ['widget/src/**/*.ts'], ...litA11y.configs.recommended },
);
