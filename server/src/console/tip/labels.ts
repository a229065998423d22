import { type ConsoleLanguage, catalogs } from "@balagh/shared";

/** An answer code in the words the reporter chose it from (the widget's catalog), else the code itself. */
export const answerLabel = (language: ConsoleLanguage, prefix: string, code: string) =>
  (catalogs[language] as Record<string, string>)[`${prefix}.${code}`] ?? code;

const dateTimeFormats = new Map<ConsoleLanguage, Intl.DateTimeFormat>();

/** Latin digits and UTC in every language: staff compare these times with logs and with each other. */
export const formatTime = (language: ConsoleLanguage, at: Date | number) => {
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "UTC",
      numberingSystem: "latn",
    });
    dateTimeFormats.set(language, format);
  }
  return `${format.format(at)} UTC`;
};
