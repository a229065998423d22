import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The widget's own alias (widget/vite.config.ts), for its unit tests.
  resolve: { alias: { "@shared": fileURLToPath(new URL("shared/src", import.meta.url)) } },
  test: {
    include: ["shared/src/**/*.test.ts", "server/src/**/*.test.ts", "widget/src/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
