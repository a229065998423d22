import type { Partner } from "./repository.js";

const attribute = (value: string) =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * The one line a partner pastes (README, "For partners"): the loader from the hotline's own
 * address, the partner's key and default language, and its launcher text when it chose one.
 */
export const embedSnippet = (publicUrl: string, partner: Pick<Partner, "key" | "defaultLanguage" | "theme">) => {
  const label = partner.theme.launcherLabel;
  return `<script async src="${attribute(publicUrl)}/embed.js" data-partner="${partner.key}" data-lang="${partner.defaultLanguage}"${
    label ? ` data-label="${attribute(label)}"` : ""
  }></script>`;
};

/** Every data- option the loader reads (widget/src/embed/loader.ts), in the README's order. */
export const EMBED_OPTIONS = ["partner", "lang", "country", "mode", "target", "label", "position"] as const;
export type EmbedOption = (typeof EMBED_OPTIONS)[number];

export const fullPageUrl = (publicUrl: string, key: string) => `${publicUrl}/report/${key}`;
