import { defineConfig } from 'vitest/config';
import { siteListPlugin } from './src/sites/build-outputs';

// Two projects: pure/unit code in happy-dom, and browser tests that drive the built extension.
// The e2e project runs files one at a time: each launches a whole browser on a 2-core machine.
export default defineConfig({
  // The site list the popup and options page import, generated from the adapter registry as in the build.
  plugins: [siteListPlugin()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page reacts within a frame or two on a quiet machine, but a CI machine running a whole browser on
          // two cores can take over a second (a hover's tooltip poll ran out in 3 of 18 loaded runs of one
          // file): the tests check what happens, the bench how fast, so a polled condition gets 5 s before it
          // counts as never happening.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
