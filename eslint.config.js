import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

/** What the pure core may not import: the other rooms, the DOM libraries, the extension API, the database. */
const CORE_BOUNDARY = {
  group: ['webextension-polyfill', 'preact', 'preact/*', 'idb', '**/shared/**', '**/sites/**', '**/content/**', '**/background/**', '**/popup/**', '**/options/**'],
  message: 'The pure core stays DOM-free and browser-free: strings in, data out.',
};
/** The regular-expression engine (about 45 KB gzip) is for the background and the options page only. */
const REGEX_ENGINE = {
  group: ['re2js', '**/rules/matcher'],
  message: 're2js must never enter a content script: rules are matched in the background (the matchRules message).',
};
/** preact (about 5 KB gzip) is for the extension's own pages; the in-page UI is plain DOM (src/content/ui/). */
const PAGE_UI_LIBRARY = {
  group: ['preact', 'preact/*', '**/ui/TagField', '**/ui/*.tsx'],
  message: 'preact must never enter a content script: build the in-page UI with src/content/ui/dom.ts.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'node_modules/**', 'test/fixtures/**', 'test-results/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      // Page text is data, never markup.
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The pure core must stay DOM-free and browser-free: strings in, data out.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [CORE_BOUNDARY, REGEX_ENGINE] }],
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'location', 'chrome', 'browser', 'indexedDB'],
    },
  },
  {
    // The one core module that carries the engine (core modules that content scripts import must not reach it).
    files: ['src/core/rules/matcher.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_BOUNDARY] }] },
  },
  {
    // Everything a content script is built from, but the shared UI modules. test/unit/rules/bundle-boundary.test.ts
    // checks the whole import graph as well, since a rule on direct imports cannot see an indirect one.
    files: ['src/content/**/*.{ts,tsx}', 'src/sites/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [REGEX_ENGINE, PAGE_UI_LIBRARY] }] },
  },
  {
    // The shared UI modules: the pure ones (tag suggestions, the triage keys) go into content scripts too, the
    // preact components only into the extension's pages. The import-graph test keeps preact out of the former.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [REGEX_ENGINE] }] },
  },
);
