const RTL: ReadonlySet<string> = new Set(["ar"]);

export const isRtl = (lang: string): boolean => RTL.has(lang);

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing silently. */
export const format = (template: string, params: Record<string, string | number> = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** The placeholders a template uses, sorted: translations must use the same ones. */
export const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
