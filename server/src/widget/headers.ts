/** Everything the widget page may use, and nothing else: it is where a reporter types. */
export const widgetCsp = ({
  frameAncestors,
  captchaOrigins,
}: {
  frameAncestors: string[];
  captchaOrigins: string[];
}) => {
  const captcha = captchaOrigins.join(" ");
  return [
    "default-src 'none'",
    `script-src 'self' ${captcha}`,
    // hCaptcha's documented CSP: its frames style themselves from its own origins.
    `style-src 'self' ${captcha}`,
    "img-src 'self' data:",
    `connect-src 'self' ${captcha}`,
    `frame-src ${captcha || "'none'"}`,
    // ALTCHA solves its proof of work in a worker built from a blob.
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(" ") : "'none'"}`,
  ]
    .map((d) => d.replace(/\s+/g, " ").trim())
    .join("; ");
};

export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "serial=()",
  "usb=()",
  "clipboard-read=()",
  "clipboard-write=(self)",
].join(", ");

/** The origins the hCaptcha script and its frames come from: hCaptcha's own, or a stand-in's in tests. */
export const hcaptchaOrigins = (scriptUrl: string) => {
  const origin = new URL(scriptUrl).origin;
  return origin.endsWith("hcaptcha.com") ? ["https://hcaptcha.com", "https://*.hcaptcha.com"] : [origin];
};
