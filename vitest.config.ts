import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          environment: 'node',
          // Vitest's default 5 s ends tfjs training tests on a loaded 2-core machine, and a test that
          // times out keeps running and leaks tensors into the next. Waits end on results; this
          // limit only ends a stuck test.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          // One Chromium at a time: the machine has two cores and tfjs wants one of them.
          fileParallelism: false,
          // Tests wait for states, never for durations, and assert no speed; these limits only end a
          // test that is stuck. They are sized for a 2-core machine busy with other builds (a page
          // that loads tfjs can take minutes there), not for an idle one.
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
