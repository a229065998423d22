/**
 * A value set inside a sentence (an address, a code, a key), isolated from the text around it: read
 * left to right, it stays in one piece inside an Arabic sentence (Unicode first strong isolate).
 */
export const isolate = (value: string) => `\u2068${value}\u2069`;
