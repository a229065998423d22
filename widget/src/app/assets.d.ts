/** Vite's `?url` imports: the built file's address (widget/vite.config.ts). */
declare module "*.css?url" {
  const url: string;
  export default url;
}
