import type { Situation } from "@shared/taxonomy.js";

/**
 * One small line drawing per situation, as SVG path data on a 24-unit grid (styles.css `.icon`
 * strokes it in the text's colour). Drawn, not emoji: the older phones on the route have no colour
 * emoji font for these (Unicode 9 to 11) and showed empty boxes. Decorative only: the label says it.
 */
export const SITUATION_ICONS: Record<Situation, string> = {
  // A bowl held out, something falling in.
  child_forced_begging: "M3 11h18a9 9 0 0 1-18 0ZM12 3v4M8 4l1 3M16 4l-1 3",
  // A broom.
  domestic_servitude: "M20 3l-8 8M9 9l6 6c-1 3-5 6-12 6 0-7 3-11 6-12ZM8 15l-3 3M11 17l-2 2",
  // Two links of a chain.
  slavery_by_descent:
    "M10 14a3.5 3.5 0 0 0 5 0l4-4a3.5 3.5 0 0 0-5-5l-1 1M14 10a3.5 3.5 0 0 0-5 0l-4 4a3.5 3.5 0 0 0 5 5l1-1",
  // A fish.
  forced_labour_fishing: "M2 12c4-6 12-6 16 0-4 6-12 6-16 0ZM18 12l4-4v8ZM7 11h.01",
  // A pickaxe.
  forced_labour_mining: "M4 20l11-11M7 4q11 2 13 13",
  // An ear of wheat.
  forced_labour_agriculture:
    "M12 22V3M12 9C9 9 8 7 8 5c3 0 4 2 4 4Zm0 0c3 0 4-2 4-4-3 0-4 2-4 4Zm0 5c-3 0-4-2-4-4 3 0 4 2 4 4Zm0 0c3 0 4-2 4-4-3 0-4 2-4 4Zm0 5c-3 0-4-2-4-4 3 0 4 2 4 4Zm0 0c3 0 4-2 4-4-3 0-4 2-4 4Z",
  // A wall of bricks.
  forced_labour_construction: "M3 6h18v12H3ZM3 12h18M10 6v6M14 12v6",
  // A spanner.
  forced_labour_other: "M15 3a5 5 0 0 0-5 7l-7 7 4 4 7-7a5 5 0 0 0 7-5l-3 3-3-1-1-3Z",
  // A warning sign.
  sexual_exploitation: "M12 3L2 20h20ZM12 9v5M12 17h.01",
  // A ring.
  forced_or_early_marriage: "M12 21a6 6 0 1 0 0-12 6 6 0 0 0 0 12ZM9 4h6l-3 4Z",
  // A child.
  children_used_in_crime: "M12 4a3 3 0 1 0 0 6 3 3 0 0 0 0-6ZM7 21v-3a5 5 0 0 1 10 0v3",
  // A padlock.
  held_captive_or_for_ransom: "M5 11h14v10H5ZM8 11V7a4 4 0 0 1 8 0v4",
  // A boat on the waves.
  unsafe_boat_departure: "M12 3v12M12 4l7 9h-7M3 15h18l-3 4H6ZM2 22q2.5-2 5 0t5 0 5 0 5 0",
  // A banknote.
  paid_border_crossing: "M2 6h20v12H2ZM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6ZM6 12h.01M18 12h.01",
  // A question mark.
  other_or_not_sure: "M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .8-1 1.5V14M12 18h.01",
};
