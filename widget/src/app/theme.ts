const DEFAULT_ACCENT = "#1f5a96";

const luminance = (hex: string) => {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
};

/**
 * The partner's colour, used for buttons with white text and for focus rings; one too light to
 * reach AA contrast (4.5:1 against white) is ignored rather than making the form hard to read.
 */
export const applyAccent = (accent: string | undefined) => {
  const ok = accent && /^#[0-9a-fA-F]{6}$/.test(accent) && 1.05 / (luminance(accent) + 0.05) >= 4.5;
  // CSSOM, not a style attribute: allowed under the server's `style-src 'self'`.
  document.documentElement.style.setProperty("--accent", ok ? accent : DEFAULT_ACCENT);
};
