import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const REPO = fileURLToPath(new URL("..", import.meta.url));

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/**
 * Writes `fileName` into the build: every file the build read (sources, catalogs, packages, its
 * config), each with the SHA-256 of its content. The size budget tests compare it with the files as
 * they are now, so a build left over from older sources is refused rather than measured.
 */
export const recordInputs = (fileName: string): Plugin => {
  let configFile: string | undefined;
  return {
    name: "balagh-record-inputs",
    apply: "build",
    configResolved(config) {
      configFile = config.configFile;
    },
    generateBundle() {
      const files = new Set([fileURLToPath(import.meta.url), ...(configFile ? [configFile] : [])]);
      for (const id of this.getModuleIds()) {
        const file = id.split("?")[0] ?? "";
        if (!id.startsWith("\0") && existsSync(file)) files.add(file);
      }
      const inputs = Object.fromEntries([...files].sort().map((file) => [relative(REPO, file), sha256(file)]));
      this.emitFile({ type: "asset", fileName, source: `${JSON.stringify(inputs, null, 1)}\n` });
    },
  };
};
