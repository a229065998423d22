import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { contentTypeOf, entryFromManifest, type WidgetBuild } from "../widget/build.js";

export const WIDGET_DIST = fileURLToPath(new URL("../../../widget/dist", import.meta.url));

/** The built widget on disk, or null when `pnpm --filter @balagh/widget build` has not run. */
export const loadWidgetBuild = (dist = WIDGET_DIST): WidgetBuild | null => {
  const manifestPath = join(dist, "app", ".vite", "manifest.json");
  if (!existsSync(manifestPath)) return null;
  const entry = entryFromManifest(JSON.parse(readFileSync(manifestPath, "utf8")));
  const files: Record<string, string> = { "/embed.js": join(dist, "embed", "embed.js") };
  return {
    entry,
    async asset(path) {
      const assetsDir = join(dist, "app", "assets");
      const file = files[path] ?? (path.startsWith("/assets/") ? normalize(join(dist, "app", path)) : null);
      // normalize() resolves "..": anything that lands outside the assets folder is not ours to serve.
      if (!file || (!(path in files) && !file.startsWith(`${assetsDir}/`))) return null;
      try {
        return { body: new Uint8Array(await readFile(file)), type: contentTypeOf(file) };
      } catch {
        return null;
      }
    },
  };
};
