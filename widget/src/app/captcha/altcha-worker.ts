import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { handler } from "altcha-lib/workers/shared";

// PBKDF2 through WebCrypto: the algorithm the server's challenges use, with no WebAssembly or Node code.
handler({ deriveKey });
