import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { CATALOGS, fillToReview, heading, openWidget, waitUntil } from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

const t = CATALOGS.fr;
const NARRATIVE = "Zorglub Quokkamandre a enfermé neuf pêcheurs Xylophagia près du quai Vantablack-7731.";
/** Every distinctive piece of the narrative, none of which may reach the partner page. */
const PIECES = ["Zorglub", "Quokkamandre", "Xylophagia", "Vantablack", "7731", "enfermé neuf"];
const CANARY = "1234";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Stolen = {
  dom: string[];
  shadow: string[];
  frames: string[];
  errors: string[];
  events: { on: string; type: string; key?: string; data?: string | null; value?: string; selection: string }[];
  messages: { origin: string; data: unknown }[];
  mutations: string[];
  sweeps: number;
};

/**
 * What a hostile partner page could run (or a script injected into it): it reads everything the
 * DOM, events, messages and frames give it, every 100 ms, into `window.__stolen`.
 */
const installSpy = () => {
  const stolen: Stolen = {
    dom: [],
    shadow: [],
    frames: [],
    errors: [],
    events: [],
    messages: [],
    mutations: [],
    sweeps: 0,
  };
  (window as unknown as { __stolen: Stolen }).__stolen = stolen;
  const html = (node: Node) => (node instanceof Element ? node.outerHTML : (node.textContent ?? ""));

  const types = ["keydown", "keyup", "keypress", "beforeinput", "input", "change", "paste", "focusin", "select"];
  for (const target of [window, document]) {
    for (const type of types) {
      target.addEventListener(
        type,
        (event) => {
          const e = event as KeyboardEvent & InputEvent;
          stolen.events.push({
            on: target === window ? "window" : "document",
            type,
            key: e.key,
            data: e.data,
            value: (e.target as HTMLInputElement | null)?.value,
            selection: String(getSelection()),
          });
        },
        true,
      );
    }
  }
  // The widget's own messages hand over its WindowProxy (event.source): another way in to try.
  const windows = new Set<Window>();
  window.addEventListener(
    "message",
    (e) => {
      stolen.messages.push({ origin: e.origin, data: e.data });
      if (e.source && e.source !== window) windows.add(e.source as Window);
    },
    true,
  );
  new MutationObserver((records) => {
    for (const r of records) {
      stolen.mutations.push(html(r.target));
      for (const node of r.addedNodes) stolen.mutations.push(html(node));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  const sweep = () => {
    stolen.sweeps++;
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLIFrameElement>("iframe, textarea, input")) {
      stolen.dom.push(`${el.tagName}:${"value" in el ? el.value : ""}:${"src" in el ? el.src : ""}`);
    }
    const host = document.querySelector("[data-balagh]");
    stolen.shadow.push(host ? (host.shadowRoot?.innerHTML ?? "shadowRoot: null") : "no host");
    const others: [string, Window | undefined][] = [
      // In a (closed) shadow tree the iframe is not among window.frames; try anyway.
      ["frames[0]", window.frames[0]],
      ...[...windows].map((w): [string, Window] => ["message.source", w]),
    ];
    for (const [via, other] of others) {
      try {
        stolen.frames.push((other as Window).document.documentElement.outerHTML);
      } catch (error) {
        stolen.errors.push(`${via}.document:${(error as Error).name}`);
      }
      try {
        stolen.frames.push((other as Window).location.href);
      } catch (error) {
        stolen.errors.push(`${via}.location.href:${(error as Error).name}`);
      }
    }
    stolen.dom.push(document.documentElement.outerHTML);
  };
  setInterval(sweep, 100);

  // A field of the partner's own, to show that the spy does catch what is typed in the partner page.
  const own = document.createElement("input");
  own.id = "partner-own";
  own.setAttribute("aria-label", "partner field");
  document.body.prepend(own);
};

describe("a hostile partner page", () => {
  it("cannot read the narrative through the DOM, the shadow root, the frame, events, messages or mutations", async () => {
    const context = await browser.newContext({ ...PHONE });
    try {
      const page = await context.newPage();
      await page.goto(stack.demoUrl);
      // On the partner page only (page.evaluate), never inside the hotline's iframe.
      await page.evaluate(installSpy);
      await page.getByRole("textbox", { name: "partner field" }).pressSequentially(CANARY);

      const frame = await openWidget(page);
      // The reporter types the narrative key by key inside the form, and reaches the review, where it is shown again.
      await fillToReview(frame, t, { narrative: NARRATIVE, typeNarrative: true, town: "Nouadhibou" });
      await heading(frame, t["review.title"]).waitFor();
      expect(await frame.getByText(NARRATIVE).count()).toBe(1);
      const sweepsNow = await page.evaluate(() => (window as unknown as { __stolen: Stolen }).__stolen.sweeps);
      await waitUntil(
        async () =>
          (await page.evaluate(() => (window as unknown as { __stolen: Stolen }).__stolen.sweeps)) > sweepsNow + 2,
        "two more sweeps of the spy",
      );

      const stolen = await page.evaluate(() => (window as unknown as { __stolen: Stolen }).__stolen);
      const everything = JSON.stringify(stolen);
      for (const piece of PIECES) expect(everything).not.toContain(piece);

      // The spy was working: it saw its own field typed in, the widget's messages and the page's mutations...
      const keys = stolen.events.filter((e) => e.on === "window" && e.type === "keydown").map((e) => e.key);
      expect(keys.join("")).toBe(CANARY);
      expect(stolen.events.some((e) => e.type === "input" && e.value === CANARY)).toBe(true);
      expect(stolen.mutations.some((m) => m.includes("partner-own") || m.includes("data-balagh"))).toBe(true);
      expect(stolen.sweeps).toBeGreaterThan(5);
      // ...but no key typed in the form reached the partner page (only the canary's own keys above),
      expect(
        stolen.events.filter((e) => !CANARY.startsWith(e.value ?? "") || !CANARY.includes(e.data ?? "") || e.selection),
      ).toEqual([]);
      // the loader's shadow root is closed, the iframe is not in the light DOM,
      expect(new Set(stolen.shadow)).toEqual(new Set(["shadowRoot: null"]));
      expect(stolen.dom.filter((d) => /^(IFRAME|TEXTAREA):/.test(d))).toEqual([]);
      // the form's document and location are out of reach,
      expect(stolen.frames).toEqual([]);
      expect(new Set(stolen.errors)).toEqual(
        new Set([
          // window.frames[0] does not exist (the iframe is in a shadow tree),
          "frames[0].document:TypeError",
          "frames[0].location.href:TypeError",
          // and the widget's window, reached through its messages, refuses to be read.
          "message.source.document:SecurityError",
          "message.source.location.href:SecurityError",
        ]),
      );
      // and the widget's messages carry only their type, from the hotline's origin (no height: it
      // would tell what was answered).
      const fromWidget = stolen.messages.filter((m) => (m.data as { source?: string })?.source === "balagh");
      expect(fromWidget.length).toBeGreaterThan(0);
      for (const m of fromWidget) {
        expect(m.origin).toBe(stack.hotline);
        expect(["ready", "close", "exit"]).toContain((m.data as { type: string }).type);
        expect(Object.keys(m.data as object).filter((k) => !["source", "type", "url"].includes(k))).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
