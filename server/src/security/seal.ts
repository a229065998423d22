import { decodeBase64Url, encodeBase64Url } from "hono/utils/encode";
import { cryptoBackend } from "./crypto-backend.js";
import type { Keys } from "./keys.js";

const VERSION = "v1";
const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class SealError extends Error {}

/**
 * AES-256-GCM with the row and field as associated data, so a ciphertext copied into another
 * row or column fails to open instead of showing one reporter's words in another's tip.
 * Format: v1.<key id>.<iv>.<ciphertext+tag>, base64url.
 */
export const seal = async (keys: Pick<Keys, "seal" | "keyId">, context: string, value: unknown): Promise<string> => {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await cryptoBackend().encrypt(
    keys.seal,
    iv,
    encoder.encode(context),
    encoder.encode(JSON.stringify(value)),
  );
  return [VERSION, keys.keyId, encodeBase64Url(iv.buffer), encodeBase64Url(Uint8Array.from(ciphertext).buffer)].join(
    ".",
  );
};

export const unseal = async <T = unknown>(
  keys: Pick<Keys, "seal" | "keyId">,
  context: string,
  sealed: string,
): Promise<T> => {
  const [version, keyId, iv, ciphertext, ...rest] = sealed.split(".");
  if (version !== VERSION || !keyId || !iv || !ciphertext || rest.length > 0) throw new SealError("not a sealed value");
  if (keyId !== keys.keyId) throw new SealError(`sealed with key ${keyId}, which this server does not hold`);
  try {
    const plain = await cryptoBackend().decrypt(
      keys.seal,
      decodeBase64Url(iv),
      encoder.encode(context),
      decodeBase64Url(ciphertext),
    );
    return JSON.parse(decoder.decode(plain)) as T;
  } catch {
    throw new SealError("sealed value was altered or belongs elsewhere");
  }
};
