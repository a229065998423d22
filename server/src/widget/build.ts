/** The widget's build as the app serves it; Node reads it from disk, a Worker from its assets binding. */
export type WidgetBuild = {
  entry: { js: string; css: string[] };
  /** A file of the build by its public path ("/embed.js", "/assets/app-1234.js"), or null. */
  asset(path: string): Promise<{ body: Uint8Array<ArrayBuffer>; type: string } | null>;
};

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  woff2: "font/woff2",
  json: "application/json",
  wasm: "application/wasm",
};

export const contentTypeOf = (path: string) => TYPES[path.split(".").pop() ?? ""] ?? "application/octet-stream";

/** Vite's manifest entry for the app: its JS file and the CSS it imports. */
export const entryFromManifest = (manifest: Record<string, { file: string; css?: string[]; isEntry?: boolean }>) => {
  const entry = manifest["src/app/main.tsx"] ?? Object.values(manifest).find((m) => m.isEntry);
  if (!entry) throw new Error("the widget manifest has no entry");
  return { js: `/${entry.file}`, css: (entry.css ?? []).map((f) => `/${f}`) };
};
