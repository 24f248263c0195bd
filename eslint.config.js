// Layering rules (architecture.md §2.1, §5): core and contract never import Electron or React;
// the contract imports no Node built-ins; the renderer reaches src-main only through the contract;
// raw IPC primitives live only in the adapter files.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronAndUi = [
  { name: 'electron', message: 'core and contract must not import Electron (architecture.md §2.1).' },
  { name: 'react', message: 'core and contract must not import React.' },
  { name: 'react-dom', message: 'core and contract must not import React.' },
];
const electronAndUiPatterns = [
  { group: ['electron/*', 'react/*', 'react-dom/*', '@xyflow/*', 'monaco-editor', 'monaco-editor/*', 'zustand', 'zustand/*', '@tanstack/react-query'], message: 'core and contract are free of Electron and UI code.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src-main/**/*.ts', 'resources/**/*.mjs', 'e2e/**/*.ts', '*.ts', '*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: electronAndUi, patterns: electronAndUiPatterns }],
    },
  },
  {
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: electronAndUi,
        patterns: [
          ...electronAndUiPatterns,
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net', 'url', 'crypto'], message: 'the contract is shared with the renderer: no Node built-ins.' },
          { group: ['../*', '!./*'], message: 'the contract imports nothing else from src-main.' },
        ],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'the renderer is sandboxed: no Electron.' }],
        patterns: [
          { group: ['**/src-main/**', '!**/src-main/contract', '!**/src-main/contract/**'], message: 'the renderer imports only the contract (@contract) from src-main.' },
          { group: ['node:*'], message: 'no Node built-ins in the renderer.' },
        ],
      }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/ipc.ts', 'src-main/electron/ipc-main.ts', 'src-main/preload/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'ipcMain only in src-main/electron/ipc.ts and ipc-main.ts (sender + schema checks live there).' },
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'ipcRenderer only in the preload.' },
      ],
    },
  },
  {
    files: ['**/*.config.ts', 'electron.config.ts', 'eslint.config.js', 'e2e/playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
