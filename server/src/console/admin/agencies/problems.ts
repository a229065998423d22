import type { AgencyRefusal } from "../../../agencies/records.js";
import type { Translate } from "../../i18n.js";
import type { FieldError } from "../../ui/forms.js";

/** Where each refusal's message goes: beside its field, or (disable, delete) beside the button. */
export const agencyErrorsOf = (t: Translate, refusals: AgencyRefusal[]): FieldError[] =>
  refusals.map((refusal) => ({
    field: refusal.field,
    message: t(`agencies.problem.${refusal.problem}`, { rules: (refusal.rules ?? []).join(" ; ") }),
  }));
