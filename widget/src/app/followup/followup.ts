// The reporter's follow-up screens (issue 10): loaded only when "I already reported" is pressed,
// so the first load and the report form's screens do not grow.

import followupStyles from "./followup.css?url";

export { FollowupScreen } from "./screen.js";

/** Linked from here, as the later screens' stylesheet is (steps/late.ts); resolves once it applies or failed. */
export const stylesApplied = new Promise<void>((done) => {
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: followupStyles });
  link.onload = link.onerror = () => done();
  document.head.append(link);
});
