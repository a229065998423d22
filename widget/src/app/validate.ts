import { NARRATIVE_MAX, SHORT_TEXT_MAX } from "@shared/text.js";
import type { Message } from "./i18n.js";
import { codePoints, type Draft, type Field, type StepId } from "./state.js";

export type Errors = Partial<Record<Field, Message>>;

const tooLong = (max: number): Message => ({ id: "error.tooLong", params: { max } });
const chooseOne: Message = { id: "error.chooseOne" };

const SHORT_FIELDS: Record<StepId, Field[]> = {
  danger: [],
  role: [],
  where: ["region", "town", "place"],
  what: [],
  child: [],
  people: ["languages"],
  narrative: [],
  details: ["suspects", "vehicles", "boats", "phoneNumbers", "places"],
  disclosure: ["contactName", "contactMeans", "safeTimes"],
};

/** What must be fixed before leaving a step; the same limits the server applies, in plain words. */
export const validateStep = (step: StepId, draft: Draft): Errors => {
  const errors: Errors = {};
  for (const field of SHORT_FIELDS[step]) {
    if (codePoints(draft[field] as string) > SHORT_TEXT_MAX) errors[field] = tooLong(SHORT_TEXT_MAX);
  }
  switch (step) {
    case "danger":
      if (!draft.dangerNow) errors.dangerNow = chooseOne;
      break;
    case "role":
      if (!draft.reporterRole) errors.reporterRole = chooseOne;
      break;
    case "where":
      if (!/^[A-Z]{2}$/.test(draft.country)) errors.country = chooseOne;
      if (!draft.when) errors.when = chooseOne;
      break;
    case "child":
      if (!draft.childInvolved) errors.childInvolved = chooseOne;
      break;
    case "people": {
      const count = draft.count.trim();
      if (count && !(/^\d{1,6}$/.test(count) && Number(count) >= 1 && Number(count) <= 100_000)) {
        errors.count = { id: "error.count" };
      }
      break;
    }
    case "narrative":
      if (!draft.narrative.trim()) errors.narrative = { id: "error.required" };
      else if (codePoints(draft.narrative) > NARRATIVE_MAX) errors.narrative = tooLong(NARRATIVE_MAX);
      break;
    case "disclosure":
      if (draft.disclosure !== "anonymous") {
        const anyContact = draft.contactName.trim() || draft.safeTimes.trim() || draft.safeToContact;
        if (!draft.contactMeans.trim() && anyContact && !errors.contactMeans) {
          errors.contactMeans = { id: "error.required" };
        }
        if (draft.contactMeans.trim() && !draft.safeToContact) errors.safeToContact = { id: "error.safe" };
      }
      if (draft.reporterRole === "victim" && !draft.victimConsentPolice) errors.victimConsentPolice = chooseOne;
      break;
  }
  return errors;
};

export const firstInvalidStep = (steps: readonly StepId[], draft: Draft): StepId | null =>
  steps.find((step) => Object.keys(validateStep(step, draft)).length > 0) ?? null;
