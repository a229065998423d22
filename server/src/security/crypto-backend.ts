/**
 * The three primitives the hot path uses on its derived keys. WebCrypto by default, which runs on
 * Node and workerd alike; Node swaps in its synchronous node:crypto (node/crypto-backend.ts), the
 * same algorithms on the same keys, without WebCrypto's job round trip per call.
 */
export type CryptoBackend = {
  hmacSha256(key: CryptoKey, message: Uint8Array): Promise<Uint8Array> | Uint8Array;
  /** AES-256-GCM: the ciphertext with its 16-byte tag appended, as WebCrypto returns it. */
  encrypt(key: CryptoKey, iv: Uint8Array, aad: Uint8Array, plain: Uint8Array): Promise<Uint8Array> | Uint8Array;
  decrypt(key: CryptoKey, iv: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Promise<Uint8Array> | Uint8Array;
};

export const webCryptoBackend: CryptoBackend = {
  hmacSha256: async (key, message) =>
    new Uint8Array(await crypto.subtle.sign("HMAC", key, message as Uint8Array<ArrayBuffer>)),
  encrypt: async (key, iv, aad, plain) =>
    new Uint8Array(
      await crypto.subtle.encrypt(
        { name: "AES-GCM", iv: iv as Uint8Array<ArrayBuffer>, additionalData: aad as Uint8Array<ArrayBuffer> },
        key,
        plain as Uint8Array<ArrayBuffer>,
      ),
    ),
  decrypt: async (key, iv, aad, sealed) =>
    new Uint8Array(
      await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: iv as Uint8Array<ArrayBuffer>, additionalData: aad as Uint8Array<ArrayBuffer> },
        key,
        sealed as Uint8Array<ArrayBuffer>,
      ),
    ),
};

let current: CryptoBackend = webCryptoBackend;

export const cryptoBackend = () => current;

/** Set once at start-up by the runtime's entry point. */
export const useCryptoBackend = (backend: CryptoBackend) => {
  current = backend;
};
