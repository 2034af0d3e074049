import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

// The app's index.html lives in src/ so the top level keeps only the files the design card fixes.
export default defineConfig({
  root: 'src',
  plugins: [react()],
  build: { outDir: `${projectRoot}dist`, emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
  test: {
    root: projectRoot,
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
