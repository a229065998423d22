import type { Child } from "hono/jsx";
import { mayTake } from "../../tips/scope.js";
import type { Translate } from "../i18n.js";
import type { SignedInViewer } from "../types.js";
import { Radios, Select, ShortText, TextArea } from "../ui/fields.js";
import { Button, errorFor, type FieldError, PostForm } from "../ui/forms.js";
import { type FormValues, fieldId, type TipActionName } from "./act.js";
import { tipPath } from "./history.js";
import type { Member } from "./load.js";

export type Attempt = { action: TipActionName; values: FormValues; errors: FieldError[] };

type FormProps = {
  t: Translate;
  tipId: string;
  csrfToken: string;
  /** The form the member just sent and was refused: its values and errors come back. */
  attempt: Attempt | null;
};

const STATUSES = ["received", "in_review", "referred", "closed", "spam", "duplicate"] as const;
const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
const CLASSIFICATIONS = ["trafficking", "smuggling", "both", "unclear"] as const;

/** One question per section: its heading names what the form does, its button repeats it. */
const ActionSection = (
  props: FormProps & { action: TipActionName; title: string; submit: string; children: Child },
) => (
  <section class="action" aria-labelledby={`${props.action}-title`}>
    <h3 id={`${props.action}-title`}>{props.title}</h3>
    <PostForm action={`${tipPath(props.tipId)}/${props.action}`} csrfToken={props.csrfToken}>
      {props.children}
      <Button>{props.submit}</Button>
    </PostForm>
  </section>
);

const helpers = (props: FormProps, action: TipActionName) => {
  const mine = props.attempt?.action === action ? props.attempt : null;
  return {
    value: (name: string) => mine?.values[name],
    error: (field: string) => (mine ? errorFor(mine.errors, fieldId(action, field)) : undefined),
  };
};

const Reason = ({
  t,
  action,
  value,
  error,
}: {
  t: Translate;
  action: TipActionName;
  value?: string | undefined;
  error?: string | undefined;
}) => (
  <TextArea
    t={t}
    id={fieldId(action, "reason")}
    name="reason"
    label={t("tip.form.reason")}
    hint={t("tip.form.reasonHint")}
    rows={2}
    value={value}
    error={error}
  />
);

const NoteForm = (props: FormProps) => {
  const { t } = props;
  const { value, error } = helpers(props, "note");
  return (
    <ActionSection {...props} action="note" title={t("tip.form.note")} submit={t("tip.form.noteSubmit")}>
      <TextArea
        t={t}
        id="note"
        name="note"
        label={t("tip.form.noteLabel")}
        hint={t("tip.form.noteHint")}
        rows={5}
        value={value("note")}
        error={error("note")}
      />
    </ActionSection>
  );
};

const StatusForm = (props: FormProps & { current: string }) => {
  const { t } = props;
  const { value, error } = helpers(props, "status");
  return (
    <ActionSection {...props} action="status" title={t("tip.form.status")} submit={t("tip.form.statusSubmit")}>
      <Radios
        t={t}
        id="status"
        name="status"
        label={t("tip.summary.status")}
        choices={STATUSES.map((s) => ({ value: s, label: t(`tip.status.${s}`) }))}
        checked={value("status") ?? props.current}
        error={error("status")}
      />
      <ShortText
        t={t}
        id="duplicateOf"
        name="duplicateOf"
        label={t("tip.form.duplicateOf")}
        code
        value={value("duplicateOf")}
        error={error("duplicateOf")}
      />
      <Reason t={t} action="status" value={value("reason")} error={error("reason")} />
    </ActionSection>
  );
};

const AssignForm = (props: FormProps & { assignable: Member[]; current: string | null }) => {
  const { t } = props;
  const { value, error } = helpers(props, "assign");
  const choices = [
    { value: "", label: t("tip.summary.nobody") },
    ...props.assignable.map((m) => ({ value: m.id, label: m.email })),
  ];
  return (
    <ActionSection {...props} action="assign" title={t("tip.form.assign")} submit={t("tip.form.assignSubmit")}>
      <Select
        t={t}
        id="staffId"
        name="staffId"
        label={t("tip.summary.assigned")}
        hint={t("tip.form.assignHint")}
        choices={choices}
        selected={value("staffId") ?? props.current ?? ""}
        error={error("staffId")}
      />
      <Reason t={t} action="assign" value={value("reason")} error={error("reason")} />
    </ActionSection>
  );
};

const OverrideForm = (
  props: FormProps & {
    field: "priority" | "classification";
    current: string | null;
    choices: { value: string; label: string }[];
  },
) => {
  const { t, field } = props;
  const { value, error } = helpers(props, field);
  return (
    <ActionSection
      {...props}
      action={field}
      title={t(`tip.form.${field}`)}
      submit={t(field === "priority" ? "tip.form.prioritySubmit" : "tip.form.classificationSubmit")}
    >
      <Radios
        t={t}
        id={field}
        name="value"
        label={t(`tip.triage.${field}`)}
        choices={props.choices}
        checked={value("value") ?? props.current ?? undefined}
        error={error(field)}
      />
      <Reason t={t} action={field} value={value("reason")} error={error("reason")} />
    </ActionSection>
  );
};

const LinkForm = (props: FormProps) => {
  const { t } = props;
  const { value, error } = helpers(props, "link");
  return (
    <ActionSection {...props} action="link" title={t("tip.form.link")} submit={t("tip.form.linkSubmit")}>
      <ShortText
        t={t}
        id="linkedTipId"
        name="linkedTipId"
        label={t("tip.form.linkLabel")}
        code
        value={value("linkedTipId")}
        error={error("linkedTipId")}
      />
    </ActionSection>
  );
};

/** Only the actions this member may take are offered; the tips module refuses the others anyway. */
export const ActionForms = (
  props: FormProps & {
    viewer: SignedInViewer;
    tip: { status: string; assignedTo: string | null; priority: string | null; classification: string | null };
    assignable: Member[];
  },
) => {
  const { t, viewer, tip } = props;
  return (
    <section aria-labelledby="actions-title" class="actions">
      <h2 id="actions-title">{t("tip.actions.title")}</h2>
      {mayTake(viewer, "note") && <NoteForm {...props} />}
      {mayTake(viewer, "status") && <StatusForm {...props} current={tip.status} />}
      {mayTake(viewer, "assign") && <AssignForm {...props} current={tip.assignedTo} />}
      {mayTake(viewer, "priority") && (
        <OverrideForm
          {...props}
          field="priority"
          current={tip.priority}
          choices={PRIORITIES.map((p) => ({ value: p, label: p }))}
        />
      )}
      {mayTake(viewer, "classification") && (
        <OverrideForm
          {...props}
          field="classification"
          current={tip.classification}
          choices={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`tip.classification.${c}`) }))}
        />
      )}
      {mayTake(viewer, "link") && <LinkForm {...props} />}
    </section>
  );
};
