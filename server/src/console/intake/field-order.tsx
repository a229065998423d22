import type { textOf } from "../render.js";
import type { FieldError } from "../ui/forms.js";

/** The fields in the order of the page, for the error summary. */
export const FIELD_ORDER = [
  "channel",
  "language",
  "dangerNow",
  "reporterRole",
  "victimConsentPolice",
  "country",
  "region",
  "town",
  "place",
  "when",
  "situations",
  "childInvolved",
  "count",
  "ageBands",
  "sexes",
  "nationalities",
  "peopleLanguages",
  "indicators",
  "narrative",
  "suspects",
  "vehicles",
  "boats",
  "phoneNumbers",
  "places",
  "otherCountries",
  "disclosure",
  "contact",
  "contactName",
  "contactMeans",
  "safeToContact",
  "safeTimes",
] as const;

/** The summary of every problem; one without a field of its own is a line without a link. */
export const ErrorSummaryOf = ({ t, errors }: { t: ReturnType<typeof textOf>; errors: FieldError[] }) =>
  errors.length === 0 ? null : (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 class="error-summary__title" id="error-summary-title">
        {t("errorSummary.title")}
      </h2>
      <ul>
        {errors.map((e) => (
          <li>{e.beside === false ? e.message : <a href={`#${e.field}`}>{e.message}</a>}</li>
        ))}
      </ul>
    </div>
  );
