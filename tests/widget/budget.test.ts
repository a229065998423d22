import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { expectFreshBuild } from "./fresh-build.js";

/**
 * The app's weight on a slow phone connection (issue 8: JS + CSS + one catalog ≤ 20 KB gzip, captcha
 * code lazy and excluded). "Initial" is what the first question needs: the entry chunk, what it
 * imports statically, its CSS, and one language catalog (the largest, since one is always fetched
 * at start). Everything after the first question (the other questions, review, send, receipt, with
 * their stylesheet) loads right after the first paint; it gets its own ceiling so that moving code
 * there cannot hide growth.
 */
const INITIAL_BUDGET = 20 * 1024;
const BEFORE_CAPTCHA_BUDGET = 30 * 1024;

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "widget/dist/app");
const manifestPath = join(dist, ".vite/manifest.json");

type Chunk = {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
};
type Manifest = Record<string, Chunk>;

const gzipSize = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

let manifest: Manifest;

beforeAll(() => {
  expectFreshBuild("widget/dist/app/.vite/inputs.json", "widget/src/app/main.tsx");
  manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
});

/** A chunk and everything it imports statically (the browser fetches them all before running it). */
const staticClosure = (key: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(dep, seen);
  return seen;
};

/** A chunk's own files: its code, the CSS Vite links for it, and the stylesheets it links itself. */
const filesOf = (keys: Iterable<string>) => {
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk) continue;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const asset of chunk.assets ?? []) if (asset.endsWith(".css")) files.add(asset);
  }
  return files;
};

const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + gzipSize(file), 0);

describe("widget app bundle", () => {
  it("keeps the first screen within 20 KB gzip (JS + CSS + one catalog)", () => {
    const entryKey = "src/app/main.tsx";
    expect(manifest[entryKey]?.isEntry, "manifest entry src/app/main.tsx").toBe(true);
    const initial = filesOf(staticClosure(entryKey));
    const catalogs = Object.keys(manifest).filter((key) => /shared\/src\/i18n\/(fr|ar|en|es)\.ts$/.test(key));
    expect(catalogs).toHaveLength(4);
    const catalogSizes = catalogs.map((key) => ({ key, size: gzipSize(manifest[key]?.file ?? "") }));
    const largestCatalog = Math.max(...catalogSizes.map((c) => c.size));
    const late = Object.keys(manifest).find((key) => key.endsWith("src/app/steps/late.ts"));
    const captcha = Object.keys(manifest).filter((key) => /src\/app\/captcha\//.test(key));

    const rows: [string, number][] = [...initial].map((file) => [file, gzipSize(file)]);
    for (const { key, size } of catalogSizes) rows.push([`${manifest[key]?.file} (catalog, one loaded)`, size]);
    const lateSize = late ? sum(filesOf([late])) : 0;
    if (late) rows.push([`${manifest[late]?.file} (after first paint)`, lateSize]);
    for (const key of captcha) {
      const chunk = manifest[key] as Chunk & { assets?: string[] };
      rows.push([`${chunk.file} (captcha, lazy)`, gzipSize(chunk.file)]);
      for (const asset of chunk.assets ?? []) rows.push([`${asset} (captcha worker, lazy)`, gzipSize(asset)]);
    }
    const initialSize = sum(initial) + largestCatalog;
    console.log(
      [
        "widget app, gzip -9:",
        ...rows.map(([name, size]) => `  ${kb(size).padStart(9)}  ${name}`),
        `  ${kb(initialSize).padStart(9)}  initial: entry + CSS + largest catalog (budget ${kb(INITIAL_BUDGET)})`,
        `  ${kb(initialSize + lateSize).padStart(9)}  everything before the captcha (ceiling ${kb(BEFORE_CAPTCHA_BUDGET)})`,
      ].join("\n"),
    );

    expect(initialSize).toBeLessThanOrEqual(INITIAL_BUDGET);
    expect(initialSize + lateSize).toBeLessThanOrEqual(BEFORE_CAPTCHA_BUDGET);
  });

  it("loads captcha code only lazily", () => {
    const initial = [...filesOf(staticClosure("src/app/main.tsx"))].filter((f) => f.endsWith(".js"));
    for (const file of initial) {
      const code = readFileSync(join(dist, file), "utf8");
      // Code of the hCaptcha loader (its Sentry DSN, its onload hook) or of the ALTCHA solver.
      expect(/sentry\.hcaptcha\.com|hCaptchaOnLoad|PBKDF2|Out of memory/.test(code), file).toBe(false);
    }
  });

  it("never touches device storage", () => {
    // The hCaptcha chunk is the vendor's loader; every other chunk is ours and must keep nothing.
    const ours = Object.values(manifest)
      .map((chunk) => chunk.file)
      .filter((file) => file.endsWith(".js") && !file.includes("hcaptcha"));
    for (const file of ours) {
      const code = readFileSync(join(dist, file), "utf8");
      const found = /localStorage|sessionStorage|indexedDB|document\.cookie|serviceWorker|caches\.open/.exec(code);
      expect(found?.[0], file).toBeUndefined();
    }
  });
});
