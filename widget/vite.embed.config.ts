import { defineConfig } from "vite";
import { recordInputs } from "./record-inputs.js";

// The loader is a single classic script a partner page runs: no framework, no chunks, no module syntax.
export default defineConfig({
  plugins: [recordInputs("embed.inputs.json")],
  build: {
    outDir: "dist/embed",
    emptyOutDir: true,
    target: "es2020",
    lib: { entry: "src/embed/loader.ts", formats: ["iife"], name: "BalaghLoader", fileName: () => "embed.js" },
    minify: true,
  },
});
