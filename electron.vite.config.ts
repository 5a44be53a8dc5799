import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { devCspPlugin } from './main/shell/csp';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled (tree-shaken) rather than required: loading the whole package cost ~200 ms at every start.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          // The Electron shell: the only entry that imports `electron`.
          index: resolve(__dirname, 'main/index.ts'),
          // The plain-Node CLI (browser host, deploy, compare): never imports `electron`.
          cli: resolve(__dirname, 'main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; minified it loads ~3× faster.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
    // devCspPlugin: `npm run dev` only; builds keep the strict CSP of renderer/index.html.
    plugins: [devCspPlugin(), react()],
  },
});
