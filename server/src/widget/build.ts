/** The widget's build as the app serves it; Node reads it from disk, a Worker from its assets binding. */
export type WidgetEntry = { js: string; css: string[]; catalogs: Partial<Record<string, string>> };

export type WidgetBuild = {
  entry: WidgetEntry;
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

type Manifest = Record<string, { file: string; css?: string[]; isEntry?: boolean }>;

/** Vite's manifest entry for the app: its JS file, the CSS it imports, and each language's catalog chunk. */
export const entryFromManifest = (manifest: Manifest): WidgetEntry => {
  const entry = manifest["src/app/main.tsx"] ?? Object.values(manifest).find((m) => m.isEntry);
  if (!entry) throw new Error("the widget manifest has no entry");
  const catalogs = Object.fromEntries(
    Object.entries(manifest).flatMap(([source, chunk]) => {
      const lang = /i18n\/([a-z]{2})\.ts$/.exec(source)?.[1];
      return lang ? [[lang, `/${chunk.file}`]] : [];
    }),
  );
  return { js: `/${entry.file}`, css: (entry.css ?? []).map((f) => `/${f}`), catalogs };
};
