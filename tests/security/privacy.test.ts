import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeHcaptcha, startFakeHcaptcha } from "../fixtures/fake-hcaptcha.js";
import { startServerProcess } from "../fixtures/server-process.js";
import { submission, validTip } from "../fixtures/tips.js";

const ADDRESS = "203.0.113.7";
const USER_AGENT = "Mozilla/5.0 (Linux; Android 9; Tecno-Privacy-Probe-9931) Balagh-Test/1.0";

let dir: string;
let fake: FakeHcaptcha;
let server: Awaited<ReturnType<typeof startServerProcess>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "balagh-privacy-"));
  fake = await startFakeHcaptcha();
  // TRUST_PROXY makes the server read the forwarded address, so the address really flows into the rate limiter.
  server = await startServerProcess({
    DATABASE_URL: `file:${join(dir, "balagh.db")}`,
    HCAPTCHA_VERIFY_URL: fake.url,
    TRUST_PROXY: "true",
    TIP_RATE_LIMIT_MAX: "1",
  });
});

afterAll(async () => {
  await server?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      "X-Forwarded-For": ADDRESS,
      "User-Agent": USER_AGENT,
      "Content-Type": "application/json",
      ...init.headers,
    },
  });

describe("a reporter's address and user agent", () => {
  it("are used for nothing that is kept: not in the database files, not in the server's output", async () => {
    const created = await send("/api/v1/tips", {
      method: "POST",
      body: JSON.stringify(submission({ provider: "hcaptcha", response: fake.issue() })),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("Set-Cookie")).toBeNull();
    expect(created.headers.get("Cache-Control")).toBe("no-store");
    // Refusals and lookups too: an error path is where an address usually leaks into a log.
    expect((await send("/api/v1/tips", { method: "POST", body: "{bad json" })).status).toBe(400);
    expect(
      (
        await send("/api/v1/tips", {
          method: "POST",
          body: JSON.stringify(submission({ provider: "hcaptcha", response: "forged" })),
        })
      ).status,
    ).toBe(403);
    expect((await send("/api/v1/partners/demo/config")).status).toBe(200);
    expect((await send("/api/v1/partners/nobody/config")).status).toBe(404);
    expect(
      (
        await send("/api/v1/tips", {
          method: "POST",
          body: JSON.stringify(
            submission({ provider: "hcaptcha", response: fake.issue() }, validTip({ narrative: "" })),
          ),
        })
      ).status,
    ).toBe(422);

    // The address did reach the limiter: one tip per client here, and another address is another client.
    const again = () => JSON.stringify(submission({ provider: "hcaptcha", response: fake.issue() }));
    expect((await send("/api/v1/tips", { method: "POST", body: again() })).status).toBe(429);
    const elsewhere = { "X-Forwarded-For": "198.51.100.99" };
    expect((await send("/api/v1/tips", { method: "POST", body: again(), headers: elsewhere })).status).toBe(201);

    const client = createClient({ url: `file:${join(dir, "balagh.db")}` });
    expect(Number((await client.execute("select count(*) as n from tips")).rows[0]?.n)).toBe(2);
    client.close();
    await server.stop();

    const files = readdirSync(dir).map((name) => join(dir, name));
    const stored = files.map((f) => readFileSync(f).toString("latin1")).join("\n");
    expect(stored).toContain("mr-national-authority");
    for (const needle of [ADDRESS, USER_AGENT, "Tecno-Privacy-Probe-9931"]) {
      expect(stored).not.toContain(needle);
      expect(server.output()).not.toContain(needle);
    }
    expect(server.output()).toMatch(/Hotline:/);
    expect(JSON.stringify(fake.requests)).not.toContain(ADDRESS);
  });
});
