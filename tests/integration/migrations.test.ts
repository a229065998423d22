import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import config from "../../server/drizzle.config.js";
import { REPO_ROOT } from "../fixtures/server-process.js";

const run = promisify(execFile);
const SERVER = join(REPO_ROOT, "server");
const DRIZZLE_KIT = join(SERVER, "node_modules", ".bin", "drizzle-kit");
const COMMITTED = resolve(SERVER, config.out ?? "drizzle");

/** Every file under a folder, by relative path, with its text. */
const tree = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length + 1), readFileSync(path, "utf8")];
      }),
  );

let work: string;
beforeEach(() => {
  // drizzle-kit writes into its output folder: it works on a copy, with the server's own config
  // except for that folder (relative, since drizzle-kit check prefixes "./" to the path).
  work = mkdtempSync(join(tmpdir(), "balagh-migrations-"));
  cpSync(COMMITTED, join(work, "migrations"), { recursive: true });
  writeFileSync(
    join(work, "drizzle.config.json"),
    JSON.stringify({ ...config, schema: resolve(SERVER, String(config.schema)), out: "migrations" }),
  );
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const drizzleKit = (command: string) =>
  run(DRIZZLE_KIT, [command, "--config", "drizzle.config.json"], { cwd: work, env: { PATH: process.env.PATH ?? "" } });

describe("the schema and the committed migrations", () => {
  it("are in step: drizzle-kit generate finds no change to write", async () => {
    await drizzleKit("generate");
    expect(tree(join(work, "migrations"))).toEqual(tree(COMMITTED));
  });

  it("have consistent snapshots (drizzle-kit check)", async () => {
    const { stdout } = await drizzleKit("check");
    expect(stdout).toMatch(/Everything's fine/);
  });
});
