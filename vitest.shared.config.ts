import { defineConfig } from "vitest/config";

// Tests that read ../shared (the seed article, the corpus, GeoNames, the dev set); each skips with a
// message when ../shared is absent.
export default defineConfig({
  test: {
    include: ["test/shared/**/*.test.ts"],
    testTimeout: 300000,
  },
});
