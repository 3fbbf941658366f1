import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  // Tests run in Vite's SSR environment, which takes its own conditions: workspaces resolve to src.
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'actions/*/test/**/*.test.ts',
      'test/**/*.test.ts',
      'rules/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'dist/**', '.cache/**'],
    allowOnly: !process.env.CI,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    restoreMocks: true,
    unstubEnvs: true,
  },
});
