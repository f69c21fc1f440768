// `npm run test:e2e`: the built site in a real browser (Debian's Chromium through playwright-core), axe-core,
// the Nu Html Checker and a link crawl. Separate from `npm test`, which needs no browser.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    // The temporary folders first (tests/helpers/temp-root.ts): the builds, the fixture and Chromium's profiles too.
    globalSetup: ["tests/helpers/temp-root.ts", "tests/e2e/global-setup.ts"],
    // The global setup builds with Eleventy, which imports .11ty.tsx templates itself: tsx in the workers too.
    execArgv: ["--import", "tsx"],
    // One shared browser and a 2-core machine: one test file at a time keeps timings honest.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
