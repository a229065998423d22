import { join } from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { privacyProbe } from "../fixtures/privacy-probe.js";
import { submission, validTip } from "../fixtures/tips.js";

const ADDRESS = "203.0.113.7";
const USER_AGENT = "Mozilla/5.0 (Linux; Android 9; Tecno-Privacy-Probe-9931) Balagh-Test/1.0";

const {
  probe,
  send,
  stored: storedFiles,
} = privacyProbe({ name: "privacy", address: ADDRESS, userAgent: USER_AGENT, env: { TIP_RATE_LIMIT_MAX: "1" } });

describe("a reporter's address and user agent", () => {
  it("are used for nothing that is kept: not in the database files, not in the server's output", async () => {
    const created = await send("/api/v1/tips", {
      method: "POST",
      body: JSON.stringify(submission({ provider: "hcaptcha", response: probe.fake.issue() })),
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
            submission({ provider: "hcaptcha", response: probe.fake.issue() }, validTip({ narrative: "" })),
          ),
        })
      ).status,
    ).toBe(422);

    // The address did reach the limiter: one tip per client here, and another address is another client.
    const again = () => JSON.stringify(submission({ provider: "hcaptcha", response: probe.fake.issue() }));
    expect((await send("/api/v1/tips", { method: "POST", body: again() })).status).toBe(429);
    const elsewhere = { "X-Forwarded-For": "198.51.100.99" };
    expect((await send("/api/v1/tips", { method: "POST", body: again(), headers: elsewhere })).status).toBe(201);

    const client = createClient({ url: `file:${join(probe.dir, "balagh.db")}` });
    expect(Number((await client.execute("select count(*) as n from tips")).rows[0]?.n)).toBe(2);
    client.close();
    await probe.server.stop();

    const stored = storedFiles();
    expect(stored).toContain("mr-national-authority");
    for (const needle of [ADDRESS, USER_AGENT, "Tecno-Privacy-Probe-9931"]) {
      expect(stored).not.toContain(needle);
      expect(probe.server.output()).not.toContain(needle);
    }
    expect(probe.server.output()).toMatch(/Hotline:/);
    expect(JSON.stringify(probe.fake.requests)).not.toContain(ADDRESS);
  });
});
