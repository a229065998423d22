import type { MessageId } from "@shared/i18n/types.js";
import type { ComponentChildren } from "preact";
import { countryName } from "../countries.js";
import { stepsOf } from "../field-steps.js";
import { type Translate, useI18n } from "../i18n.js";
import { type Draft, STEPS, type StepId } from "../state.js";
import { Title } from "../ui/fields.js";

type Row = [label: string, value: ComponentChildren];

const TITLES: Record<StepId, MessageId> = {
  danger: "danger.title",
  role: "role.title",
  where: "where.title",
  what: "what.title",
  child: "child.title",
  people: "people.title",
  narrative: "narrative.title",
  details: "details.title",
  disclosure: "disclosure.title",
};

/** What the reporter typed, isolated so that its own direction (Arabic in a French form) is kept. */
const typed = (text: string) => (text.trim() ? <bdi class="typed">{text.trim()}</bdi> : null);

const list = (items: string[]) =>
  items.length > 0 ? (
    <ul class="review-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  ) : null;

const rowsOf = (step: StepId, d: Draft, t: Translate, lang: Parameters<typeof countryName>[0]): Row[] => {
  const label = <K extends string>(prefix: string, value: K | null) =>
    value ? t(`${prefix}.${value}` as MessageId) : null;
  switch (step) {
    case "danger":
      return [[t("danger.title"), label("danger", d.dangerNow)]];
    case "role":
      return [[t("role.title"), label("role", d.reporterRole)]];
    case "where":
      return [
        [t("where.country"), countryName(lang, d.country)],
        [t("where.region"), typed(d.region)],
        [t("where.town"), typed(d.town)],
        [t("where.place"), typed(d.place)],
        [t("when.legend"), label("when", d.when)],
      ];
    case "what":
      return [
        [t("what.title"), list(d.situations.map((s) => t(`situation.${s}`)))],
        [t("indicators.title"), list(d.indicators.map((i) => t(`indicator.${i}`)))],
      ];
    case "child":
      return [[t("child.title"), label("child", d.childInvolved)]];
    case "people":
      return [
        [t("people.count"), d.count.trim() || null],
        [t("people.ages"), list(d.ageBands.map((a) => t(`age.${a}`)))],
        [t("people.sexes"), list(d.sexes.map((s) => t(`sex.${s}`)))],
        [t("people.nationalities"), list(d.nationalities.map((c) => countryName(lang, c)))],
        [t("people.languages"), typed(d.languages)],
      ];
    case "narrative":
      return [[t("narrative.label"), typed(d.narrative)]];
    case "details":
      return [
        [t("details.suspects"), typed(d.suspects)],
        [t("details.vehicles"), typed(d.vehicles)],
        [t("details.boats"), typed(d.boats)],
        [t("details.phoneNumbers"), typed(d.phoneNumbers)],
        [t("details.places"), typed(d.places)],
        [t("details.otherCountries"), list(d.otherCountries.map((c) => countryName(lang, c)))],
      ];
    case "disclosure": {
      const rows: Row[] = [[t("disclosure.title"), label("disclosure", d.disclosure)]];
      if (d.disclosure !== "anonymous") {
        rows.push(
          [t("contact.name"), typed(d.contactName)],
          [t("contact.means"), typed(d.contactMeans)],
          [t("contact.safe"), label("safe", d.safeToContact)],
          [t("contact.safeTimes"), typed(d.safeTimes)],
        );
      }
      if (d.reporterRole === "victim") rows.push([t("consent.title"), label("consent", d.victimConsentPolice)]);
      return rows;
    }
  }
};

const show = (value: ComponentChildren, empty: string) => value || <span class="muted">{empty}</span>;

const Answers = ({ rows, title, empty }: { rows: Row[]; title: string; empty: string }) => {
  const [only] = rows;
  // A one-question step: its heading already says what the answer is to.
  if (only && rows.length === 1 && only[0] === title) return <p class="review-answer">{show(only[1], empty)}</p>;
  return (
    <dl>
      {rows.map(([label, value]) => (
        <div class="review-row" key={label}>
          {/* The heading already asks this question: shown once, still read with the answer. */}
          <dt class={label === title ? "sr-only" : undefined}>{label}</dt>
          <dd>{show(value, empty)}</dd>
        </div>
      ))}
    </dl>
  );
};

type Props = {
  draft: Draft;
  /** The answers the server refused, not yet changed. */
  refused: readonly string[];
  onEdit: (step: StepId) => void;
  onSend: () => void;
};

export const Review = ({ draft, refused, onEdit, onSend }: Props) => {
  const issues = stepsOf(refused);
  const { t, lang } = useI18n();
  return (
    <>
      <Title>{t("review.title")}</Title>
      {issues.size > 0 ? <p class="error">{t("error.invalid")}</p> : <p class="hint">{t("review.hint")}</p>}
      {STEPS.map((step) => {
        const title = t(TITLES[step]);
        return (
          <section key={step} class={issues.has(step) ? "review-part has-issue" : "review-part"} aria-label={title}>
            <div class="review-head">
              <h2 class="h3">{title}</h2>
              <button
                type="button"
                class="button link"
                id={`edit-${step}`}
                aria-label={t("review.editLabel", { section: title })}
                onClick={() => onEdit(step)}
              >
                {t("review.edit")}
              </button>
            </div>
            {issues.has(step) && <p class="error">{t("review.hasIssue")}</p>}
            <Answers rows={rowsOf(step, draft, t, lang)} title={title} empty={t("review.empty")} />
          </section>
        );
      })}
      <div class="actions">
        <button type="button" class="button primary" onClick={onSend}>
          {t("review.send")}
        </button>
      </div>
    </>
  );
};
