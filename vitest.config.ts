import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    // Eleventy imports .11ty.tsx page templates itself: the workers must load tsx for that.
    execArgv: ["--import", "tsx"],
    // Quiet on success: Eleventy's "Wrote …" lines and the Swedish reports of the deliberately broken fixtures are
    // shown only for a test that fails.
    silent: "passed-only",
    // Test files share their worker's modules instead of loading the generator anew for each file (through tsx,
    // most of the suite's time): per-build state lives in the site model, not in modules, so nothing leaks.
    isolate: false,
    globalSetup: ["tests/helpers/temp-root.ts"],
    setupFiles: ["tests/helpers/image-cache.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
