import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Throws unless the build that wrote `record` (widget/record-inputs.ts: each file the build read,
 * with its SHA-256) was made from the files as they are now, `entry` among them. A size measured
 * on a build from older sources proves nothing, and rebuilding here would repeat `pnpm test`'s build.
 */
export const expectFreshBuild = (record: string, entry: string) => {
  const path = join(REPO, record);
  if (!existsSync(path)) throw new Error(`${record} is missing: run \`pnpm build\` first`);
  const inputs = JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
  if (!(entry in inputs)) throw new Error(`${record} does not list ${entry}: run \`pnpm build\` again`);
  const changed = Object.entries(inputs)
    .filter(([file, hash]) => {
      const full = join(REPO, file);
      return !existsSync(full) || createHash("sha256").update(readFileSync(full)).digest("hex") !== hash;
    })
    .map(([file]) => file);
  if (changed.length > 0) {
    throw new Error(`widget/dist is older than its sources (changed since: ${changed.join(", ")}): run \`pnpm build\``);
  }
};
