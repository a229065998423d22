import type { Refusal } from "../../../staff/members.js";
import type { Translate } from "../../i18n.js";
import type { FieldError } from "../../ui/forms.js";

/** A refused change as the form shows it: each message beside the field it is about. */
export const fieldErrorsOf = (t: Translate, refusals: Refusal[]): FieldError[] =>
  refusals.map((refusal) => ({ field: refusal.field, message: t(`staff.problem.${refusal.problem}`) }));
