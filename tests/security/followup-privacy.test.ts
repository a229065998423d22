import { describe, expect, it } from "vitest";
import { privacyProbe } from "../fixtures/privacy-probe.js";
import { submission } from "../fixtures/tips.js";

const ADDRESS = "203.0.113.58";
const USER_AGENT = "Mozilla/5.0 (Linux; Android 10; Itel-Followup-Probe-4410) Balagh-Test/1.0";

const {
  probe,
  send,
  stored: storedFiles,
} = privacyProbe({ name: "followup-privacy", address: ADDRESS, userAgent: USER_AGENT });

describe("a returning reporter's address and user agent", () => {
  it("are kept nowhere: not in the database files, not in the server's output; no cookie, no cache", async () => {
    const filed = await send("/api/v1/tips", {
      method: "POST",
      body: JSON.stringify(submission({ provider: "hcaptcha", response: probe.fake.issue() })),
    });
    const { receipt } = (await filed.json()) as { receipt: string };
    const open = (r: string) =>
      send("/api/v1/followup/session", { method: "POST", body: JSON.stringify({ receipt: r }) });

    const opened = await open(receipt.replace(/(\d{4})(?=\d)/g, "$1 "));
    expect(opened.status).toBe(201);
    const { token } = (await opened.json()) as { token: string };
    const auth = { Authorization: `Bearer ${token}` };
    const read = await send("/api/v1/followup", { headers: auth });
    const sent = await send("/api/v1/followup/messages", {
      method: "POST",
      headers: { ...auth, "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ body: "Le bateau part de la plage nord." }),
    });
    const forged = await send("/api/v1/followup", { headers: { Authorization: `Bearer ${"A".repeat(43)}` } });
    const bad = await send("/api/v1/followup/messages", { method: "POST", headers: auth, body: "{bad" });
    const wrong = await open("0".repeat(20));
    // Wrong receipts until the client is refused: the address reached the throttle.
    let throttled = wrong;
    for (let i = 0; i < 10 && throttled.status !== 429; i++) throttled = await open(String(i).repeat(20));
    for (const [response, status] of [
      [opened, 201],
      [read, 200],
      [sent, 201],
      [forged, 401],
      [bad, 400],
      [throttled, 429],
      [wrong, 404],
    ] as const) {
      expect(response.status).toBe(status);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    }

    await probe.server.stop();

    const stored = storedFiles();
    for (const needle of [ADDRESS, USER_AGENT, "Itel-Followup-Probe-4410", token, receipt]) {
      expect(stored).not.toContain(needle);
      expect(probe.server.output()).not.toContain(needle);
    }
    expect(probe.server.output()).toMatch(/Hotline:/);
  });
});
