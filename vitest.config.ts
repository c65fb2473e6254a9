import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Tests never touch the real ~/.oss or ~/.claude: the setup file points both at temp folders.
    setupFiles: ['test/support/isolate-home.ts'],
    // One line when ../shared/fixtures (third-party recordings) is absent: which tests are skipped.
    globalSetup: ['test/support/report-shared-fixtures.ts'],
  },
});
