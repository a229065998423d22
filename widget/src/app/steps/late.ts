// The screens after the last question, and the code that sends: not needed to show the first
// question, so they load right after it, while the reporter reads (see `useLate` in app.tsx).
export { sendTip } from "../api.js";
export { advance } from "../send-flow.js";
export { ReceiptScreen } from "./receipt.js";
export { Review } from "./review.js";
export { SendScreen } from "./send.js";
