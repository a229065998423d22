import { scryptAsync } from "@noble/hashes/scrypt.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";

// OWASP's scrypt setting that fits a Worker's 128 MB: N=2^15 (32 MiB), r=8, p=3.
const PARAMS = { N: 2 ** 15, r: 8, p: 3, dkLen: 32 };

export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = async (password: string): Promise<string> => {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await scryptAsync(password.normalize("NFC"), salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, bytesToHex(salt), bytesToHex(hash)].join("$");
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, expected] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !expected) return false;
  const hash = await scryptAsync(password.normalize("NFC"), hexToBytes(salt), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    dkLen: expected.length / 2,
  });
  const a = bytesToHex(hash);
  let diff = a.length ^ expected.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ expected.charCodeAt(i % expected.length);
  return diff === 0;
};

/**
 * A hash of nothing anyone knows, with the same parameters as `hashPassword`: checking a password
 * for an unknown email against it costs as long as for a real account, so timing does not tell
 * which emails exist.
 */
export const UNKNOWN_ACCOUNT_HASH =
  "scrypt$32768$8$3$9c4712a264d8cccf50249d62c07545a8$fd39896cc46d7d29a8b2989b9b0ee2abcf47e49c93124522bee4403fedbdb570";
