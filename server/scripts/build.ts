/**
 * Compiles the Node server (`server/src/node.ts`) into one ES module, `server/dist/node/server.js`,
 * so that `pnpm start` runs plain JavaScript instead of transpiling TypeScript at run time. The
 * server's own dependencies stay external (server/node_modules); the workspace's TypeScript package
 * @balagh/shared is bundled, and so are the packages only it uses, which server/node_modules lacks. The
 * bundle sits two folders below `server/` as `src/node/` does, so the paths it resolves from
 * `import.meta.url` (the migrations, the widget build) land where they do in development.
 */
import { cpSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const server = fileURLToPath(new URL("..", import.meta.url));
const dist = `${server}dist`;
const shared = fileURLToPath(new URL("../../shared/", import.meta.url));
const manifest = JSON.parse(readFileSync(`${server}package.json`, "utf8")) as { dependencies: Record<string, string> };
const serverPackages = new Set(Object.keys(manifest.dependencies).filter((name) => !name.startsWith("@balagh/")));
const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: [`${server}src/node.ts`],
  outfile: `${dist}/node/server.js`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  plugins: [
    {
      name: "server-packages-external",
      setup(context) {
        context.onResolve({ filter: /^@balagh\/shared$/ }, () => ({ path: `${shared}src/index.ts` }));
        context.onResolve({ filter: /^[^./]/ }, (args) =>
          serverPackages.has(packageName(args.path)) ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
  logLevel: "warning",
});
cpSync(`${server}src/db/migrations`, `${dist}/db/migrations`, { recursive: true });
console.log("Built server/dist/node/server.js");
