import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { startServerProcess } from "../fixtures/server-process.js";

it("will not serve development mode on a network address: it exits and says to set BALAGH_ENV=production", async () => {
  const dir = mkdtempSync(join(tmpdir(), "balagh-fail-closed-"));
  try {
    const started = startServerProcess({ HOST: "0.0.0.0", DATABASE_URL: `file:${join(dir, "balagh.db")}` });
    await expect(started).rejects.toThrow(/server exited with 1[\s\S]*BALAGH_ENV=production/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
