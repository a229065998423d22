import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, PHONE } from "../fixtures/browser.js";
import { type Site, startSite, strictPartnerCsp } from "../fixtures/e2e-site.js";
import { allowOrigin, appFrame } from "../fixtures/e2e-widget.js";
import { type Stack, startStack } from "../fixtures/stack.js";

let stack: Stack;
let site: Site;
let browser: Browser;

beforeAll(async () => {
  [stack, site, browser] = await Promise.all([startStack(), startSite(), launchBrowser()]);
  await allowOrigin(stack, site.origin);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await stack?.stop();
});

// A partner page with aggressive global styles, the kind that breaks embedded widgets.
const page = (withLoader: boolean) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<style>* { font-family: serif !important; } button { background: red; color: yellow; font-size: 40px; } div { padding: 9px; } iframe { border: 5px solid lime; }</style>
</head><body><h1>Partner</h1><p>Text</p><button type="button">Partner button</button><div>box</div>
${withLoader ? `<script async src="${stack.hotline}/embed.js" data-partner="demo" data-lang="fr"></script>` : ""}
</body></html>`;

const pageStyles = () =>
  [...document.querySelectorAll("body *:not([data-balagh]):not(script)")].map((el) => {
    const s = getComputedStyle(el);
    return `${el.tagName}:${s.font}|${s.color}|${s.background}|${s.padding}|${s.margin}|${s.display}`;
  });

describe("style isolation between the partner page and the widget", () => {
  it("leaves every style of the partner page as it was, before and after the dialog opens", async () => {
    const context = await browser.newContext({ ...PHONE });
    try {
      const tab = await context.newPage();
      await tab.goto(site.page("/plain", page(false), { "Content-Security-Policy": strictPartnerCsp(stack.hotline) }));
      const before = await tab.evaluate(pageStyles);
      await tab.goto(
        site.page("/embedded", page(true), { "Content-Security-Policy": strictPartnerCsp(stack.hotline) }),
      );
      await tab.waitForFunction(() => typeof (window as { Balagh?: { open?: unknown } }).Balagh?.open === "function");
      expect(await tab.evaluate(pageStyles)).toEqual(before);
      await tab.evaluate(() => (window as unknown as { Balagh: { open(): void } }).Balagh.open());
      await appFrame(tab);
      expect(await tab.evaluate(pageStyles)).toEqual(before);
      expect(await tab.evaluate(() => document.querySelectorAll("head style, head link[rel=stylesheet]").length)).toBe(
        1,
      );
    } finally {
      await context.close();
    }
  });

  it("keeps the partner's styles out of the launcher and the form", async () => {
    const context = await browser.newContext({ ...PHONE });
    try {
      const tab = await context.newPage();
      await tab.goto(
        site.page("/embedded2", page(true), { "Content-Security-Policy": strictPartnerCsp(stack.hotline) }),
      );
      await tab.waitForFunction(() => typeof (window as { Balagh?: { open?: unknown } }).Balagh?.open === "function");
      // The launcher sits in a closed shadow root: read its style through DevTools, as the page cannot.
      const cdp = await context.newCDPSession(tab);
      const { root } = (await cdp.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode };
      const launcher = findNode(
        root,
        (n) => n.nodeName === "BUTTON" && (n.attributes?.includes("aria-haspopup") ?? false),
      );
      expect(launcher).toBeTruthy();
      const { computedStyle } = (await cdp
        .send("CSS.enable")
        .then(() => cdp.send("CSS.getComputedStyleForNode", { nodeId: launcher!.nodeId }))) as {
        computedStyle: { name: string; value: string }[];
      };
      const style = Object.fromEntries(computedStyle.map((p) => [p.name, p.value]));
      expect(style["background-color"]).not.toBe("rgb(255, 0, 0)");
      expect(style.color).not.toBe("rgb(255, 255, 0)");
      expect(style["font-size"]).not.toBe("40px");
      // The launcher's own family, not the partner's `* { font-family: serif !important }`.
      expect(style["font-family"]).toBe("sans-serif");
      await tab.evaluate(() => (window as unknown as { Balagh: { open(): void } }).Balagh.open());
      const frame = await appFrame(tab);
      const exit = await frame.evaluate(
        () => getComputedStyle(document.querySelector("button.exit") as Element).backgroundColor,
      );
      expect(exit).not.toBe("rgb(255, 0, 0)");
    } finally {
      await context.close();
    }
  });
});

type DomNode = {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
};

const findNode = (node: DomNode, match: (n: DomNode) => boolean): DomNode | null => {
  if (match(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, match);
    if (found) return found;
  }
  return null;
};
