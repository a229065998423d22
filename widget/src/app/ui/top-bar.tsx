import type { Language } from "@shared/taxonomy.js";
import { ENDONYMS, useI18n } from "../i18n.js";

type Props = {
  languages: Language[];
  onLanguage: (lang: Language) => void;
  onExit: () => void;
};

/** Quick exit first in the document, hence first in keyboard order on every screen. */
export const TopBar = ({ languages, onLanguage, onExit }: Props) => {
  const { t, lang } = useI18n();
  return (
    <header class="top">
      <div class="bar">
        <button type="button" class="exit" onClick={onExit}>
          {t("exit.button")}
        </button>
        {languages.length > 1 && (
          <div class="lang">
            <label for="balagh-lang" class="sr-only">
              {t("language.label")}
            </label>
            <select
              id="balagh-lang"
              value={lang}
              onChange={(event) => onLanguage(event.currentTarget.value as Language)}
            >
              {languages.map((code) => (
                <option key={code} value={code} lang={code}>
                  {ENDONYMS[code]}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </header>
  );
};

/** "Step 3 of 9"; the bar repeats the words for the eye and is hidden from screen readers. */
export const Progress = ({ current, total }: { current: number; total: number }) => {
  const { t } = useI18n();
  return (
    <div class="progress">
      <span>{t("progress.step", { current, total })}</span>
      <progress max={total} value={current} aria-hidden="true" />
    </div>
  );
};
