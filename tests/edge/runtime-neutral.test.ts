import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SERVER_SRC = join(ROOT, "server/src");

const NODE_ONLY_FILES = ["server/src/node.ts", "server/src/cli.ts"];
const NODE_ONLY_FOLDERS = ["server/src/node/", "server/src/cli/"];

const isNodeOnlyModule = (specifier: string) =>
  specifier.startsWith("node:") ||
  specifier === "@hono/node-server" ||
  specifier.startsWith("@hono/node-server/") ||
  specifier === "@libsql/client" ||
  // Builds on node:net and node:tls: the webhook fetch that checks resolved addresses lives in server/src/node/.
  specifier === "undici" ||
  specifier.startsWith("undici/") ||
  specifier === "drizzle-orm/libsql/node" ||
  specifier === "drizzle-orm/libsql/migrator";

// Static and type imports, re-exports, side-effect imports and dynamic import() calls.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

const importsOf = (source: string) => [...source.matchAll(IMPORT)].map((match) => match[1] as string);

const sourceFiles = (): string[] =>
  (readdirSync(SERVER_SRC, { recursive: true, encoding: "utf8" }) as string[])
    // .tsx too: the console's pages are Hono JSX.
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => relative(ROOT, join(SERVER_SRC, path)).replaceAll("\\", "/"))
    .sort();

const mayUseNode = (file: string) =>
  NODE_ONLY_FILES.includes(file) || NODE_ONLY_FOLDERS.some((folder) => file.startsWith(folder));

describe("runtime-neutral server code", () => {
  it("recognises every form of import", () => {
    const source = `import a from "node:fs";\nimport type { B } from '@libsql/client';\nexport * from "x";\nimport "y";\nawait import("z");`;
    expect(importsOf(source)).toEqual(["node:fs", "@libsql/client", "x", "y", "z"]);
  });

  it("imports Node-only modules only from node.ts, cli.ts, node/ and cli/", () => {
    const files = sourceFiles();
    expect(files).toContain("server/src/worker.ts");
    const offences = files
      .filter((file) => !mayUseNode(file))
      .flatMap((file) =>
        importsOf(readFileSync(join(ROOT, file), "utf8"))
          .filter(isNodeOnlyModule)
          .map((specifier) => `${file} imports ${specifier}`),
      );
    expect(offences).toEqual([]);
  });
});
