export * from "./countries.js";
export * from "./errors.js";
export * from "./followup.js";
export * from "./partner-config.js";
export * from "./receipt.js";
export * from "./taxonomy.js";
export * from "./text.js";
export * from "./tip.js";
