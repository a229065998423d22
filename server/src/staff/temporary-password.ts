// No 0/o, 1/l: a temporary password is read aloud or copied by hand. 32 symbols, so no bias.
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const GROUPS = 5;
const GROUP_LENGTH = 4;

/** 100 random bits in five groups of four, e.g. `k7dm-x2qa-…`: long enough for the password rules, easy to pass on. */
export const temporaryPassword = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(GROUPS * GROUP_LENGTH));
  const symbols = [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return symbols.match(new RegExp(`.{${GROUP_LENGTH}}`, "g"))?.join("-") ?? symbols;
};
