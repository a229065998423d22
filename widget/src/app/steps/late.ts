// Everything after the first question: the other questions, the review, the screens that send and
// the code behind them. Not needed to show the first question, so it loads right after it, while
// the reporter reads (see `useLate` in app.tsx).

import type { FunctionComponent } from "preact";
import laterStyles from "../later.css?url";
import type { StepId } from "../state.js";
import { ChildStep } from "./child.js";
import { DetailsStep } from "./details.js";
import { DisclosureStep } from "./disclosure.js";
import { NarrativeStep } from "./narrative.js";
import { PeopleStep } from "./people.js";
import type { StepProps } from "./props.js";
import { RoleStep } from "./role.js";
import { WhatStep } from "./what.js";
import { WhereStep } from "./where.js";

// For the follow-up screens, which take it from this module once loaded (late-loader.ts): imported by
// both chunks, it would be split into a third, one more request before the later screens.
export { normaliseReceipt } from "@shared/receipt.js";
export { sendTip } from "../api.js";
export { advance } from "../send-flow.js";
export { toTip } from "../tip.js";
export { firstInvalidStep, validateStep } from "../validate.js";
export { ReceiptScreen } from "./receipt.js";
export { Review } from "./review.js";
export { SendScreen } from "./send.js";

/**
 * The later screens' stylesheet, linked from here rather than by Vite's preload helper, which would
 * weigh on the first load. Resolves once it applies (or failed: the screens still work unstyled).
 */
export const stylesApplied = new Promise<void>((done) => {
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: laterStyles });
  link.onload = link.onerror = () => done();
  document.head.append(link);
});

export const LATER_STEPS: Record<Exclude<StepId, "danger">, FunctionComponent<StepProps>> = {
  role: RoleStep,
  where: WhereStep,
  what: WhatStep,
  child: ChildStep,
  people: PeopleStep,
  narrative: NarrativeStep,
  details: DetailsStep,
  disclosure: DisclosureStep,
};
