import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { submission } from "../fixtures/tips.js";

let t: TestApp;
afterEach(() => t.close());

const from = (address: string) => ({ "X-Test-Client-Address": address });
const junk = () => submission({ provider: "hcaptcha", response: `junk-${crypto.randomUUID()}` });

describe("rate limits that hold", () => {
  it("counts one IPv6 /64 as one client, whatever address of it is used", async () => {
    t = await createTestApp({ rateLimitMax: 1 });
    expect((await t.post(t.body(), from("2001:db8:aa:bb::1"))).status).toBe(201);
    for (const sibling of ["2001:db8:aa:bb::2", "2001:db8:aa:bb:ffff:ffff:ffff:fffe", "2001:0db8:00aa:00bb:0:0:0:9"]) {
      expect((await t.post(t.body(), from(sibling))).status, sibling).toBe(429);
    }
    expect((await t.post(t.body(), from("2001:db8:aa:bc::1"))).status).toBe(201);
    expect(await t.tipCount()).toBe(2);
  });

  it("counts an IPv4-mapped IPv6 address as the IPv4 address it carries", async () => {
    t = await createTestApp({ rateLimitMax: 1 });
    expect((await t.post(t.body(), from("203.0.113.9"))).status).toBe(201);
    expect((await t.post(t.body(), from("::ffff:203.0.113.9"))).status).toBe(429);
  });

  it("stops junk captcha tokens before they reach siteverify, and only for that client", async () => {
    t = await createTestApp({ rateLimitMax: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await t.post(junk(), from("198.51.100.77"))).status);
    expect(statuses.slice(0, 3)).toEqual([403, 403, 403]);
    expect(statuses.at(-1)).toBe(429);
    const verified = t.fake.requests.length;
    expect(verified).toBeLessThan(40);
    expect(statuses.filter((s) => s === 403)).toHaveLength(verified);
    const limited = await t.post(t.body(), from("198.51.100.77"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(t.fake.requests.length).toBe(verified);
    expect((await t.post(t.body(), from("198.51.100.78"))).status).toBe(201);
  });
});
