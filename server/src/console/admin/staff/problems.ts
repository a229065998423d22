import type { MemberProblem } from "../../../staff/members.js";
import type { Translate } from "../../i18n.js";
import type { FieldError } from "../../ui/forms.js";

/** A refused change as the form shows it: the message beside the field it is about. */
export const fieldErrorOf = (t: Translate, refusal: { field: string; problem: MemberProblem }): FieldError => ({
  field: refusal.field,
  message: t(`staff.problem.${refusal.problem}`),
});
