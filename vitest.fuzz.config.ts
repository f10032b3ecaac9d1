import { defineConfig } from "vitest/config";

// `npm run fuzz`: the long fuzz run (test/fuzz/run.fuzz.ts); `npm test` runs a short one.
export default defineConfig({
  test: {
    include: ["test/fuzz/run.fuzz.ts"],
    testTimeout: 24 * 3600 * 1000,
  },
});
