import { defineConfig } from "vitest/config";

// Unit and end-to-end tests that need nothing outside the repository.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/shared/**"],
    testTimeout: 30000,
  },
});
