/**
 * The widget writes white on the partner's accent (its primary buttons, widget/src/app/styles.css
 * `.primary`) and the accent on white (secondary buttons, links): the same pair both ways.
 */
export const WIDGET_TEXT_ON_ACCENT = "#ffffff";

/** WCAG 2.2 AA for normal text. */
export const AA_CONTRAST = 4.5;

export const isHexColour = (text: string) => /^#[0-9a-fA-F]{6}$/.test(text);

/** WCAG 2.x relative luminance of an sRGB colour written #rrggbb. */
const luminance = (hex: string) => {
  const channel = (at: number) => {
    const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
};

/** The WCAG contrast ratio of two colours, from 1 to 21. */
export const contrastRatio = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** A failing ratio to two decimals, as WCAG tools show it, but never rounded up to the minimum it misses. */
export const failingRatioText = (ratio: number, minimum: number) =>
  Math.min(Math.round(ratio * 100) / 100, minimum - 0.01).toFixed(2);
