import { codePointLength, NARRATIVE_MAX, SHORT_TEXT_MAX } from "@balagh/shared";
import type { Services } from "../../deps.js";
import { type ActionResult, addNote, assignTip, linkTips, setStatus } from "../../tips/actions.js";
import { overrideTriage } from "../../tips/override.js";
import type { Translate } from "../i18n.js";
import type { SignedInViewer } from "../types.js";
import type { FieldError } from "../ui/forms.js";

export const TIP_ACTIONS = ["note", "status", "assign", "priority", "classification", "link"] as const;
export type TipActionName = (typeof TIP_ACTIONS)[number];

export const isTipAction = (value: string): value is TipActionName =>
  (TIP_ACTIONS as readonly string[]).includes(value);

/** What one form sent, as text (a file or a missing field reads as ""). */
export type FormValues = Record<string, string>;

export const formValues = (body: Record<string, unknown>): FormValues =>
  Object.fromEntries(Object.entries(body).map(([name, value]) => [name, typeof value === "string" ? value : ""]));

/** Every form's own fields; ids on the page are unique, as several forms share it. */
export const fieldId = (action: TipActionName, field: string) => (field === "reason" ? `${action}-reason` : field);

/** Runs one action through the tips module, which checks scope and role before anything else. */
export const takeAction = (
  services: Services,
  viewer: SignedInViewer,
  tipId: string,
  action: TipActionName,
  form: FormValues,
): Promise<ActionResult> => {
  const ctx = { db: services.db, viewer, now: services.now() };
  const reason = form.reason ?? "";
  switch (action) {
    case "note":
      return addNote({ ...ctx, keys: services.keys }, tipId, form.note ?? "");
    case "status":
      return setStatus(ctx, tipId, {
        status: form.status ?? "",
        reason,
        ...(form.duplicateOf ? { duplicateOf: form.duplicateOf.trim() } : {}),
      });
    case "assign":
      return assignTip(ctx, tipId, { staffId: form.staffId ? form.staffId : null, reason });
    case "priority":
    case "classification":
      return overrideTriage({ ...ctx, publicUrl: services.publicUrl }, tipId, {
        field: action,
        value: form.value ?? "",
        reason,
      });
    case "link":
      return linkTips(ctx, tipId, (form.linkedTipId ?? "").trim());
  }
};

const TEXT_MAX: Record<string, number> = { note: NARRATIVE_MAX, reason: SHORT_TEXT_MAX };

/** The same three ways free text is refused by the tips module, said in the member's language. */
const textProblem = (t: Translate, field: string, value: string, max: number) => {
  if (value.trim() === "") return t(field === "note" ? "tip.error.emptyNote" : "tip.error.emptyReason");
  const length = codePointLength(value);
  if (length > max) return t("tip.error.tooLong", { length, max });
  return t("tip.error.control");
};

/** The refused field of an invalid result, with its message for the page. */
export const fieldErrorOf = (
  t: Translate,
  action: TipActionName,
  result: { field: string },
  form: FormValues,
): FieldError => {
  const { field } = result;
  const id = fieldId(action, field === "value" ? action : field);
  const max = TEXT_MAX[field];
  if (max !== undefined) return { field: id, message: textProblem(t, field, form[field] ?? "", max) };
  if (field === "status") return { field: id, message: t("tip.error.status") };
  if (field === "staffId") return { field: id, message: t("tip.error.assignee") };
  if (field === "duplicateOf" || field === "linkedTipId") return { field: id, message: t("tip.error.otherTip") };
  return { field: id, message: t("tip.error.choice") };
};
