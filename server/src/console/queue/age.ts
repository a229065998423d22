import type { ConsoleLanguage } from "@balagh/shared";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = "minute" | "hour" | "day";
// Made once each: building an Intl formatter costs more than the rest of a queue line.
const formats = new Map<string, Intl.NumberFormat>();

const unitFormat = (language: ConsoleLanguage, unit: Unit) => {
  const key = `${language}:${unit}`;
  let format = formats.get(key);
  if (!format) {
    // Latin digits in Arabic too: the hotline's codes, priorities and phone numbers are written with them.
    format = new Intl.NumberFormat(`${language}-u-nu-latn`, { style: "unit", unit, unitDisplay: "short" });
    formats.set(key, format);
  }
  return format;
};

/** How long a tip has waited, in the largest whole unit: "12 min", "3 h", "2 j". */
export const formatAge = (language: ConsoleLanguage, createdAt: Date, now: Date) => {
  const waited = Math.max(0, now.getTime() - createdAt.getTime());
  if (waited < HOUR) return unitFormat(language, "minute").format(Math.floor(waited / MINUTE));
  if (waited < DAY) return unitFormat(language, "hour").format(Math.floor(waited / HOUR));
  return unitFormat(language, "day").format(Math.floor(waited / DAY));
};
