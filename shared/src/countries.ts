import countries from "i18n-iso-countries/index.js";
import { z } from "zod";

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be a two-letter ISO 3166-1 country code, such as MR")
  .refine((code) => countries.isValid(code), "is not an ISO 3166-1 country code");

export type EmergencyNumber = {
  /** Stable code used for labels in every language. */
  service:
    | "police"
    | "gendarmerie"
    | "ambulance"
    | "fire"
    | "civil_protection"
    | "trafficking_line"
    | "children"
    | "security_green_line"
    | "emergency";
  number: string;
  /** False when the source could not confirm the number: show it with a caution, keep it configurable. */
  verified: boolean;
  note?: string;
};

export type RouteCountry = { code: string; emergency: EmergencyNumber[] };

const n = (service: EmergencyNumber["service"], number: string, verified = true, note?: string): EmergencyNumber =>
  note ? { service, number, verified, note } : { service, number, verified };

/** Western Mediterranean route, from DOMAIN.md; deployments may override these in their configuration. */
export const ROUTE_COUNTRIES: readonly RouteCountry[] = [
  {
    code: "MR",
    emergency: [
      n("police", "117"),
      n("ambulance", "101"),
      n("trafficking_line", "1916"),
      n("gendarmerie", "116", false),
    ],
  },
  {
    code: "SN",
    emergency: [
      n("police", "17"),
      n("fire", "18"),
      n("security_green_line", "123"),
      n("gendarmerie", "800 00 20 20"),
      n("children", "116"),
    ],
  },
  { code: "ML", emergency: [n("police", "80 00 11 15"), n("gendarmerie", "80 00 11 14")] },
  {
    code: "MA",
    emergency: [
      n("police", "19"),
      n("emergency", "112", true, "from mobiles"),
      n("gendarmerie", "177"),
      n("ambulance", "15"),
      n("children", "2511"),
    ],
  },
  {
    code: "DZ",
    emergency: [
      n("police", "17"),
      n("police", "1548"),
      n("gendarmerie", "1055"),
      n("civil_protection", "14"),
      n("civil_protection", "1021"),
      n("children", "11-11"),
    ],
  },
  {
    code: "ES",
    emergency: [
      n("emergency", "112"),
      n("police", "091"),
      n("gendarmerie", "062"),
      n("trafficking_line", "900 10 50 90", true, "24 h, anonymous"),
    ],
  },
];

export const emergencyNumbersFor = (code: string): readonly EmergencyNumber[] =>
  ROUTE_COUNTRIES.find((c) => c.code === code)?.emergency ?? [];

/** A number as a tel: URI (spaces and dashes dropped), for tap-to-call links. */
export const telHref = (number: string) => `tel:${number.replace(/[^0-9+]/g, "")}`;
