import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { bundleBudgetPlugin } from './tests/bench/bundle-budget-plugin.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

// The app's index.html lives in src/ so the top level keeps only the files the design card fixes.
export default defineConfig({
  root: 'src',
  // Fails the build when the initial load is over 250 kB gzip (KABUTO_BUNDLE_BUDGET=warn only warns).
  plugins: [react(), bundleBudgetPlugin({ onOverBudget: process.env.KABUTO_BUNDLE_BUDGET === 'warn' ? 'warn' : 'fail' })],
  build: { outDir: `${projectRoot}dist/app`, emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
  test: {
    root: projectRoot,
    include: ['tests/**/*.test.{ts,tsx}'],
    // Builds dist/ (app, server, command-line tool) when it is out of date: some tests run the compiled code.
    globalSetup: ['tests/build-setup.ts'],
    environment: 'node',
    // One test file per core, and at least two: many files spend most of their time waiting on a
    // child process (the server, Chromium), so vitest's default of one core less (one file at a
    // time on a 2-core machine) leaves the machine idle.
    maxWorkers: Math.max(2, availableParallelism()),
    // A guard against a hang, not a speed target (benchmarks hold those): jsdom page tests that take
    // 2–4 s alone took over 20 s while other test runs shared the 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
