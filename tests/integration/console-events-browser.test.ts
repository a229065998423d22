import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { consoleCatalogs } from "@balagh/shared";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../fixtures/browser.js";
import { manualClock, SESSION_COOKIE } from "../fixtures/console.js";
import { addMembers, csrfOf, fileTip, signedInAs } from "../fixtures/console-workspace.js";
import { createTestApp, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

/** From issue 12 (item 5): a stream ends after about ten minutes. */
const STREAM_LIFETIME = 10 * 60_000;

// The Node adapter the server itself runs on, resolved from the server package (tests do not list it).
const { serve } = createRequire(new URL("../../server/package.json", import.meta.url))("@hono/node-server") as {
  serve: (options: { fetch: (request: Request) => Promise<Response>; port: number; hostname: string }) => Server;
};

let t: TestApp;
let clock: ReturnType<typeof manualClock>;
let server: Server;
let origin: string;
let browser: Browser;
/** Each request for the stream: the Last-Event-ID it carried. */
const streamRequests: (string | null)[] = [];
/** Holds the browser's next stream request until the test lets it through. */
let gate: Promise<void> = Promise.resolve();
let streamRequested = () => {};

beforeAll(async () => {
  clock = manualClock(new Date());
  t = await createTestApp({ now: clock.now });
  await addMembers(t);
  server = serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch: async (request) => {
      if (new URL(request.url).pathname === "/console/events") {
        streamRequests.push(request.headers.get("Last-Event-ID"));
        streamRequested();
        await gate;
      }
      return t.app.fetch(request);
    },
  });
  await new Promise((resolve) => server.once("listening", resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

describe("the queue's stream in Chromium, across the end of a stream", () => {
  it("reconnects with Last-Event-ID and raises the P0 filed in the gap; after sign-out one 204 and no more tries", async () => {
    const member = await signedInAs(t, clock.now, "supervisor", "198.51.100.40");
    const context = await browser.newContext();
    const page = await context.newPage();
    // A host-only __Host- cookie: Playwright's addCookies always names a domain, which the prefix forbids.
    await (await context.newCDPSession(page)).send("Network.setCookie", {
      name: SESSION_COOKIE,
      value: String(member.jar.get(SESSION_COOKIE)),
      url: origin,
      path: "/",
      secure: true,
      httpOnly: true,
      sameSite: "Strict",
    });
    await page.addInitScript(() => {
      const Native = window.EventSource;
      const sources: EventSource[] = [];
      Object.assign(window, { sources });
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          sources.push(this);
        }
      };
    });
    try {
      await page.goto(`${origin}/console`);
      await page.locator('#queue-list[data-stream="open"]').waitFor({ state: "attached" });
      expect(streamRequests).toEqual([null]);

      let letThrough = () => {};
      gate = new Promise((resolve) => {
        letThrough = resolve;
      });
      const reconnected = new Promise<void>((resolve) => {
        streamRequested = resolve;
      });
      clock.advance(STREAM_LIFETIME);
      await reconnected;
      const p0 = await fileTip(t, validTip({ dangerNow: "yes" }));
      letThrough();
      await page.waitForFunction(() => document.title.startsWith("(P0)"), undefined, { timeout: 10_000 });
      expect(await page.locator(`#queue-alert a[href="/console/tips/${p0}"]`).count()).toBe(1);
      expect(streamRequests[1]).toMatch(/^\d+\.\d+$/);

      expect((await member.post("/console/sign-out", { csrf: await csrfOf(member) })).status).toBe(303);
      clock.advance(STREAM_LIFETIME);
      await page.waitForFunction(
        () => (window as unknown as { sources: EventSource[] }).sources[0]?.readyState === EventSource.CLOSED,
        undefined,
        { timeout: 15_000 },
      );
      expect(streamRequests).toHaveLength(3);
      expect(await page.locator("#queue-list").getAttribute("data-stream")).toBe("closed");
      // Alerts have stopped: the page says so, in the member's words, rather than stay silently stale.
      const note = page.locator("[data-stream-ended]");
      await note.waitFor({ state: "visible", timeout: 5_000 });
      expect(await note.textContent()).toContain(consoleCatalogs.fr["live.ended"]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
