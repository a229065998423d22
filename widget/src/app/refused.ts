import { FIELD_STEP } from "./field-steps.js";
import { type Field, STEPS, type StepId } from "./state.js";
import type { Errors } from "./validate.js";

// Names the server uses in issue paths ("tip.contact.means") that differ from the draft's.
const SERVER_NAMES: Record<string, Field> = {
  name: "contactName",
  means: "contactMeans",
  location: "country",
  people: "count",
  details: "suspects",
  contact: "contactMeans",
};

/** "tip.location.region" → "region"; null when the path names nothing the reporter can change. */
export const fieldOfIssuePath = (path: string): Field | null => {
  const parts = path.split(".").filter((p) => p !== "tip" && !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] as string;
    if (part in FIELD_STEP) return part as Field;
    if (part in SERVER_NAMES) return SERVER_NAMES[part] as Field;
  }
  return null;
};

/** A 422's issues as a message beside each refused field, and the first of those fields in form order. */
export const refusedFields = (
  issues: { path: string }[],
): { errors: Errors; first: Field | null; step: StepId | null } => {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = fieldOfIssuePath(issue.path);
    if (field) errors[field] = { id: "error.notAccepted" };
  }
  const fields = Object.keys(errors) as Field[];
  const first = STEPS.flatMap((step) => fields.filter((f) => FIELD_STEP[f] === step))[0] ?? null;
  return { errors, first, step: first && FIELD_STEP[first] };
};
