import { contentTypeOf, entryFromManifest, type WidgetBuild } from "../widget/build.js";

/** Workers' static-assets binding (wrangler.toml [assets]); only the Worker reaches it (run_worker_first). */
export type AssetsFetcher = { fetch(request: Request): Promise<Response> };

// Any host will do: the binding looks only at the path, within the uploaded widget/dist folder.
const inDist = (path: string) => new Request(`https://assets.invalid${path}`);

/** Where each public path of the widget lives in widget/dist, as node/widget-build.ts maps it on disk. */
const distPathOf = (path: string) => {
  if (path === "/embed.js") return "/embed/embed.js";
  if (path.startsWith("/assets/") && !path.includes("..")) return `/app${path}`;
  return null;
};

/**
 * The widget build read through the assets binding, so that the app answers for every file with the
 * same headers on Node and on Workers; null when the Worker was deployed without the widget built.
 */
export const assetsWidgetBuild = async (assets: AssetsFetcher): Promise<WidgetBuild | null> => {
  const manifest = await assets.fetch(inDist("/app/.vite/manifest.json"));
  if (!manifest.ok) return null;
  return {
    entry: entryFromManifest(await manifest.json()),
    async asset(path) {
      const distPath = distPathOf(path);
      if (!distPath) return null;
      const file = await assets.fetch(inDist(distPath));
      if (!file.ok) return null;
      return { body: new Uint8Array(await file.arrayBuffer()), type: contentTypeOf(distPath) };
    },
  };
};
