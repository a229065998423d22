import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeHcaptcha, startFakeHcaptcha } from "../fixtures/fake-hcaptcha.js";
import { COMPILED_SERVER, REPO_ROOT, startServerProcess, TSX } from "../fixtures/server-process.js";

let dir: string;
let fake: FakeHcaptcha;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "balagh-start-"));
  fake = await startFakeHcaptcha();
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const readmeCurl = () => {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const block = /<!-- curl-example -->\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("README has no curl example");
  return block;
};

describe("pnpm start (server/src/node.ts)", () => {
  it("runs the compiled server: migrates, seeds the demo, makes a master key once, serves both sites and takes the README's curl example", async () => {
    const start = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: { start: string } })
      .scripts.start;
    expect(start).toMatch(new RegExp(`pnpm build && node .*${COMPILED_SERVER}`));
    execFileSync("pnpm", ["--filter", "@balagh/server", "build"], { cwd: REPO_ROOT, stdio: "ignore" });
    const env = { DATABASE_URL: `file:${join(dir, "balagh.db")}`, HCAPTCHA_VERIFY_URL: fake.url };
    const server = await startServerProcess(env, { compiled: true });
    try {
      expect(server.output()).toMatch(
        /Generated the demo master key in .*master\.key.*production must set BALAGH_MASTER_KEY/s,
      );
      expect(server.output()).toMatch(/Seeded the Mauritania demo deployment/);
      expect(server.output()).toContain(`Demo partner: ${server.demoUrl}`);
      expect(statSync(join(dir, "master.key")).mode & 0o777).toBe(0o600);

      const page = await fetch(server.demoUrl);
      expect(page.status).toBe(200);
      const csp = page.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toContain(`script-src http://localhost:${server.port}`);
      expect(csp).toContain(`frame-src http://localhost:${server.port}`);
      expect(await page.text()).toContain("data-partner=&quot;demo&quot;");

      const config = await fetch(`${server.url}/api/v1/partners/demo/config`);
      expect(((await config.json()) as { partner: string }).partner).toBe("demo");

      const example = readmeCurl().replaceAll("http://localhost:8787", server.url);
      // As the README says: run it, then send the very same request again (same $KEY) as a retry would.
      const retry = example.slice(example.indexOf("curl"));
      const run = await promisify(execFile)("bash", ["-c", `${example}\necho\n${retry}`]);
      const [first, again] = run.stdout.trim().split("\n");
      const { receipt } = JSON.parse(first ?? "") as { receipt: string };
      expect(receipt).toMatch(/^\d{20}$/);
      expect(JSON.parse(again ?? "")).toEqual({ receipt });
      expect(example).toMatch(/KEY=\$\(/);
    } finally {
      await server.stop();
    }

    const restarted = await startServerProcess(env, { compiled: true });
    try {
      expect(restarted.output()).toMatch(/Using the demo master key/);
      expect(restarted.output()).not.toMatch(/Seeded/);
    } finally {
      await restarted.stop();
    }
  }, 60_000);

  it("refuses to start in production without its secrets, naming them", () => {
    const result = spawnSync(TSX, ["server/src/node.ts"], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", BALAGH_ENV: "production", DATABASE_URL: `file:${join(dir, "prod.db")}` },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /Configuration error: BALAGH_MASTER_KEY is required.*PUBLIC_URL is required.*a captcha is required/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
