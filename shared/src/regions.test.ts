import { describe, expect, it } from "vitest";
import { regionCodeOf } from "./regions.js";

describe("regionCodeOf", () => {
  it("names Mauritania's Nouakchott-Ouest (ISO 3166-2 MR-13) however it is typed", () => {
    for (const typed of [
      "Nouakchott-Ouest",
      "nouakchott ouest",
      "NOUAKCHOTT – OUEST",
      " Nouakchott_Ouest ",
      "نواكشوط الغربية",
    ]) {
      expect(regionCodeOf("MR", typed), typed).toBe("MR-13");
    }
  });

  it("reads Arabic with or without hamza and madda", () => {
    expect(regionCodeOf("MR", "أدرار")).toBe("MR-07");
    expect(regionCodeOf("MR", "ادرار")).toBe("MR-07");
    expect(regionCodeOf("MR", "Adrar")).toBe("MR-07");
  });

  it("keeps no code for text that is not exactly a region, or a country without a list", () => {
    expect(regionCodeOf("MR", "Rue 42 chez Ahmed, Nouakchott-Ouest")).toBeNull();
    expect(regionCodeOf("MR", "Nouakchott")).toBeNull();
    expect(regionCodeOf("MR", undefined)).toBeNull();
    expect(regionCodeOf("SN", "Dakar")).toBeNull();
  });
});
