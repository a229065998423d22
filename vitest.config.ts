import { availableParallelism } from "node:os";
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
    // Most files wait on a server, Chromium or workerd rather than compute: on a 2-core machine the
    // default (one worker fewer than the cores) ran them one at a time.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
