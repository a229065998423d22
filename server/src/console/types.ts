import type { ConsoleLanguage } from "@balagh/shared";
import type { StaffRole } from "../staff/second-factor.js";

/**
 * The signed-in member, as pages and the tips module take it (`kind` makes it a tips `Viewer`).
 * Only a complete sign-in (password and, where needed, the second factor) makes one.
 */
export type SignedInViewer = {
  kind: "staff";
  id: string;
  email: string;
  role: StaffRole;
  agencyId: string | null;
  language: ConsoleLanguage;
};

export type ConsoleSession = { tokenHash: string; csrfToken: string };

/** Set on every console request: the page's language. */
export type ConsoleEnv = { Variables: { language: ConsoleLanguage } };

/** Set by `requireViewer`: routes behind it read `c.var.viewer` and `c.var.session`, typed. */
export type ViewerEnv = { Variables: { language: ConsoleLanguage; viewer: SignedInViewer; session: ConsoleSession } };
