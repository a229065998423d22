import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadWidgetBuild } from "./widget-build.js";

const MAIN = { file: "assets/main-abc.js", isEntry: true };

// A temporary folder holding a build laid out as Vite writes it, with secrets beside and above it.
let root: string;
let build: NonNullable<ReturnType<typeof loadWidgetBuild>>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "balagh-widget-build-"));
  const dist = join(root, "dist");
  mkdirSync(join(dist, "app", ".vite"), { recursive: true });
  mkdirSync(join(dist, "app", "assets"), { recursive: true });
  mkdirSync(join(dist, "app", "assets-private"), { recursive: true });
  mkdirSync(join(dist, "embed"), { recursive: true });
  writeFileSync(join(dist, "app", ".vite", "manifest.json"), JSON.stringify({ "src/app/main.tsx": MAIN }));
  writeFileSync(join(dist, "app", "assets", "main-abc.js"), "console.log('app')");
  writeFileSync(join(dist, "app", "assets-private", "key.txt"), "SECRET beside the assets folder");
  writeFileSync(join(dist, "embed", "embed.js"), "/* loader */");
  writeFileSync(join(dist, "secret.txt"), "SECRET in the build folder");
  writeFileSync(join(root, "secret.txt"), "SECRET above the build folder");
  const loaded = loadWidgetBuild(dist);
  if (!loaded) throw new Error("the test build did not load");
  build = loaded;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const text = async (path: string) => {
  const file = await build.asset(path);
  return file && new TextDecoder().decode(file.body);
};

describe("loadWidgetBuild(dist).asset, given raw paths that no URL parser has normalised", () => {
  it("serves the loader and the files inside the assets folder", async () => {
    expect(await text("/embed.js")).toBe("/* loader */");
    expect(await text("/assets/main-abc.js")).toBe("console.log('app')");
  });

  it.each([
    ["dot segments up to the build folder", "/assets/../../secret.txt"],
    ["dot segments above the build folder", "/assets/../../../secret.txt"],
    ["dot segments into the Vite manifest", "/assets/../.vite/manifest.json"],
    ["dot segments into a sibling whose name starts like the assets folder", "/assets/../assets-private/key.txt"],
    ["dot segments after a real file name", "/assets/main-abc.js/../../../secret.txt"],
    ["the assets folder itself", "/assets/.."],
    ["percent-encoded dots", "/assets/%2e%2e/%2e%2e/secret.txt"],
    ["percent-encoded slashes", "/assets/..%2f..%2fsecret.txt"],
    ["upper-case percent-encoded slashes", "/assets/..%2F..%2Fsecret.txt"],
    ["backslashes", "/assets/..\\..\\secret.txt"],
    ["mixed slashes", "/assets/..\\../../secret.txt"],
    ["an absolute path", "/etc/passwd"],
    ["an absolute path after the prefix", "/assets//etc/passwd"],
    ["a NUL byte", "/assets/main-abc.js\u0000../../secret.txt"],
    ["a NUL byte before a traversal", "/assets/\u0000/../../secret.txt"],
    ["a file that does not exist", "/assets/nope.js"],
    ["no leading slash", "assets/../../secret.txt"],
  ])("refuses %s", async (_label, path) => {
    expect(await build.asset(path)).toBeNull();
  });

  it("refuses the absolute path of a file outside the build, however it is prefixed", async () => {
    const outside = join(root, "secret.txt");
    for (const path of [outside, `/assets/${outside}`, `/assets/../../..${outside}`])
      expect(await build.asset(path), path).toBeNull();
  });
});
