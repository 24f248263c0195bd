/**
 * The one place for Electron build and packaging configuration.
 *
 * electron-vite builds three targets: main (the Electron shell plus the `packwright` CLI entry,
 * both Node code over the same core), preload (CommonJS, because the window is sandboxed) and
 * the renderer (React, also served by browser mode). electron-builder packaging settings are
 * exported below as `builderConfig` and used by `npm run dist`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const pkg = JSON.parse(readFileSync(r('./package.json'), 'utf8')) as { version: string };
const define = { __PACKWRIGHT_VERSION__: JSON.stringify(pkg.version) };

export default defineConfig({
  main: {
    define,
    build: {
      outDir: r('./out/main'),
      // JSON data packages are inlined: Node's ESM loader needs import attributes for JSON.
      externalizeDeps: { exclude: ['spdx-license-list'] },
      rollupOptions: {
        input: {
          main: r('./src-main/electron/main.ts'),
          packwright: r('./src-main/cli/run.ts'),
          // The resolver thread's entry (core/dependencies/resolver-host.ts finds it next to the chunks).
          'resolve-worker': r('./src-main/core/dependencies/resolve-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: r('./out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: r('./src-main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: r('./src-renderer'),
    define,
    resolve: { alias: { '@contract': r('./src-main/contract/index.ts') } },
    plugins: [react()],
    build: {
      outDir: r('./out/renderer'),
      emptyOutDir: true,
      minify: true,
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: { index: r('./src-renderer/index.html') } },
    },
  },
});

/** electron-builder settings (`npm run dist`): AppImage + deb on Linux, dmg on macOS, NSIS on Windows. */
export const builderConfig = {
  appId: 'dev.packwright.app',
  productName: 'Packwright',
  directories: { output: 'dist', buildResources: 'resources' },
  files: ['out/**', 'package.json'],
  asar: true,
  linux: { target: ['AppImage', 'deb'], category: 'Development' },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools' },
  win: { target: ['nsis'] },
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    grantFileProtocolExtraPrivileges: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
};
