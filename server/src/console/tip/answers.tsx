import type { ConsoleLanguage } from "@balagh/shared";
import type { Child } from "hono/jsx";
import type { TipView } from "../../tips/read.js";
import type { Translate } from "../i18n.js";
import { answerLabel } from "./labels.js";

type Opened = Record<string, unknown> | null;

const textOr = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);

/** A row of the answers; free text in its own direction, never as markup. */
const Row = ({ label, children }: { label: string; children: Child }) => (
  <div>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);

const FreeText = ({ t, value }: { t: Translate; value: unknown }) => {
  const text = textOr(value);
  return text === null ? <span class="muted">{t("tip.answers.notGiven")}</span> : <span dir="auto">{text}</span>;
};

const Codes = ({ language, prefix, codes }: { language: ConsoleLanguage; prefix: string; codes: unknown }) => {
  const list = Array.isArray(codes) ? codes.filter((c): c is string => typeof c === "string") : [];
  if (list.length === 0) return null;
  return (
    <ul class="plain-list">
      {list.map((code) => (
        <li>{answerLabel(language, prefix, code)}</li>
      ))}
    </ul>
  );
};

export const Answers = ({ t, language, tip }: { t: Translate; language: ConsoleLanguage; tip: TipView }) => {
  const location = tip.content.location as Opened;
  const people = tip.content.people as Opened;
  const details = tip.content.details as Opened;
  const contact = tip.content.contact as Opened;
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{t("tip.answers.title")}</h2>
      <h3 class="label">{t("tip.answers.narrative")}</h3>
      <p class="free-text narrative" dir="auto">
        {tip.content.narrative}
      </p>
      <dl class="summary-list">
        <Row label={t("tip.answers.country")}>{tip.country}</Row>
        <Row label={t("tip.answers.region")}>
          <FreeText t={t} value={location?.region} />
        </Row>
        <Row label={t("tip.answers.town")}>
          <FreeText t={t} value={location?.town} />
        </Row>
        <Row label={t("tip.answers.place")}>
          <FreeText t={t} value={location?.place} />
        </Row>
        <Row label={t("tip.answers.when")}>{answerLabel(language, "when", tip.when)}</Row>
        <Row label={t("tip.answers.dangerNow")}>{answerLabel(language, "danger", tip.dangerNow)}</Row>
        <Row label={t("tip.answers.reporterRole")}>{answerLabel(language, "role", tip.reporterRole)}</Row>
        <Row label={t("tip.answers.situations")}>
          <Codes language={language} prefix="situation" codes={tip.situations} />
        </Row>
        <Row label={t("tip.answers.childInvolved")}>{answerLabel(language, "child", tip.childInvolved)}</Row>
        <Row label={t("tip.answers.indicators")}>
          <Codes language={language} prefix="indicator" codes={tip.indicators} />
        </Row>
        {people && (
          <Row label={t("tip.answers.people")}>
            {typeof people.count === "number" && (
              <p>
                {t("tip.answers.peopleCount")}: {people.count}
              </p>
            )}
            <Codes language={language} prefix="age" codes={people.ageBands} />
            <Codes language={language} prefix="sex" codes={people.sexes} />
            {Array.isArray(people.nationalities) && <p>{people.nationalities.join(", ")}</p>}
            {textOr(people.languages) && (
              <p>
                {t("tip.answers.languages")}: <span dir="auto">{textOr(people.languages)}</span>
              </p>
            )}
          </Row>
        )}
        {(["suspects", "vehicles", "boats", "phoneNumbers", "places"] as const).map(
          (field) =>
            textOr(details?.[field]) && (
              <Row label={t(`tip.answers.${field}`)}>
                <FreeText t={t} value={details?.[field]} />
              </Row>
            ),
        )}
        <Row label={t("tip.answers.disclosure")}>{answerLabel(language, "disclosure", tip.disclosure)}</Row>
        {contact && (
          <>
            <Row label={t("tip.answers.contactName")}>
              <FreeText t={t} value={contact.name} />
            </Row>
            <Row label={t("tip.answers.contactMeans")}>
              <FreeText t={t} value={contact.means} />
            </Row>
            <Row label={t("tip.answers.safeToContact")}>
              {answerLabel(language, "safe", String(contact.safeToContact))}
            </Row>
            <Row label={t("tip.answers.safeTimes")}>
              <FreeText t={t} value={contact.safeTimes} />
            </Row>
          </>
        )}
        <Row label={t("tip.answers.language")}>{tip.language}</Row>
      </dl>
    </section>
  );
};
