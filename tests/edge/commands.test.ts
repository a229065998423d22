import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../fixtures/ports.js";
import { REPO_ROOT, TSX } from "../fixtures/server-process.js";

const dir = mkdtempSync(join(tmpdir(), "balagh-edge-commands-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Nothing may leave the machine: every proxied request fails, and the tools must not need one.
const OFFLINE = {
  HTTP_PROXY: "http://127.0.0.1:9",
  HTTPS_PROXY: "http://127.0.0.1:9",
  NO_PROXY: "127.0.0.1,localhost",
};

const stopped = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
};

describe("pnpm edge", () => {
  it("serves the demo partner page and /embed.js from the Worker on a fresh state folder, offline, and stops", async () => {
    const [port, demoPort, inspectorPort] = [await freePort(), await freePort(), await freePort()];
    // The script behind `pnpm edge`, which first builds the widget (already built for the tests).
    const child = spawn(TSX, ["server/scripts/edge.ts"], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        ...OFFLINE,
        PORT: String(port),
        DEMO_PARTNER_PORT: String(demoPort),
        INSPECTOR_PORT: String(inspectorPort),
        BALAGH_EDGE_DIR: join(dir, "edge"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk) => (output += chunk));
    try {
      await expect.poll(() => output, { timeout: 120_000, interval: 200 }).toMatch(/Console: /);
      // The same lines as `pnpm start` prints.
      expect(output).toContain(`Hotline:      http://localhost:${port}`);
      expect(output).toContain(`Demo partner: http://127.0.0.1:${demoPort}`);
      expect(output).toContain(`Report form:  http://localhost:${port}/report/demo`);

      const demo = await fetch(`http://127.0.0.1:${demoPort}/`);
      expect(demo.status).toBe(200);
      expect(await demo.text()).toContain(`<script async src="http://localhost:${port}/embed.js" data-partner="demo"`);
      const loader = await fetch(`http://localhost:${port}/embed.js`);
      expect(loader.status).toBe(200);
      expect(loader.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
      // The demo partner was seeded with this page's origin, so the form may be framed there.
      const form = await fetch(`http://localhost:${port}/w/demo`);
      expect(form.headers.get("Content-Security-Policy")).toContain(`http://127.0.0.1:${demoPort}`);
    } finally {
      await stopped(child);
    }
    expect(child.exitCode === 0 || child.signalCode === "SIGTERM").toBe(true);
    await expect(fetch(`http://localhost:${port}/healthz`)).rejects.toThrow();
  }, 180_000);
});

describe("pnpm run deploy", () => {
  it("builds the upload offline with --dry-run: the Worker, its D1 and assets bindings, under 500 KB gzipped", async () => {
    const outdir = join(dir, "deploy");
    const { stdout } = await promisify(execFile)(TSX, ["server/scripts/deploy.ts", "--dry-run", "--outdir", outdir], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...OFFLINE, CI: "true" },
    });
    expect(stdout).toMatch(/env\.DB \(balagh\)\s+D1 Database/);
    expect(stdout).toMatch(/env\.ASSETS\s+Assets/);
    const bundle = readFileSync(join(outdir, "worker.js"));
    expect(gzipSync(bundle).length).toBeLessThanOrEqual(500 * 1024);
  }, 120_000);
});
