import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { recordInputs } from "./record-inputs.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The server writes its own HTML shell (strict CSP, boot JSON) and finds the entry through the
// manifest, so there is no index.html: the entry is given directly.
export default defineConfig({
  base: "/",
  resolve: {
    // Deep imports into shared/ keep zod and the country-name tables out of the browser bundle:
    // the app needs only the taxonomy, the receipt format and the catalogs.
    alias: { "@shared": here("../shared/src") },
  },
  plugins: [recordInputs(".vite/inputs.json")],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist/app",
    emptyOutDir: true,
    assetsDir: "assets",
    manifest: true,
    target: "es2020",
    modulePreload: false,
    sourcemap: false,
    rollupOptions: { input: here("src/app/main.tsx") },
  },
  worker: { format: "es" },
});
