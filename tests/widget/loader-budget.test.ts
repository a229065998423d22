import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { expectFreshBuild } from "./fresh-build.js";

const LOADER = fileURLToPath(new URL("../../widget/dist/embed/embed.js", import.meta.url));
const BUDGET_BYTES = 1.5 * 1024;

describe("the embed loader (widget/dist/embed/embed.js, built by `pnpm build`)", () => {
  let source = "";

  beforeAll(() => {
    expectFreshBuild("widget/dist/embed/embed.inputs.json", "widget/src/embed/loader.ts");
    source = readFileSync(LOADER, "utf8");
  });

  it(`stays within ${BUDGET_BYTES} bytes gzipped`, () => {
    const size = gzipSync(source, { level: 9 }).length;
    console.log(`embed.js: ${source.length} bytes, ${size} bytes gzip (budget ${BUDGET_BYTES})`);
    expect(size).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("is a classic script with no framework, no module syntax and no device storage", () => {
    expect(source).not.toMatch(/\bpreact\b|\bimport\s*\(|^\s*import\s|^\s*export\s/m);
    expect(source).not.toMatch(/localStorage|sessionStorage|indexedDB|document\.cookie|serviceWorker/);
  });

  it("adds no style to the partner's document: only adopted sheets or a style inside its own shadow root", () => {
    expect(source).toContain("adoptedStyleSheets");
    expect(source).not.toMatch(/document\.head\.append\([^)]*style|insertRule|document\.styleSheets/);
  });
});
