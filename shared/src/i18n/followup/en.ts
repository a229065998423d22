/**
 * The reporter's follow-up screens (issue 10), in a catalog of their own: the widget loads it with
 * those screens, so the first screen's catalog does not grow. Typed like the main catalog: the other
 * languages are checked against this object. Words shared with the report form (Back, Try again, the
 * counter, the safety note) stay in the main catalog.
 */
export const followupEn = {
  "entry.title": "Follow your report",
  "entry.intro":
    "Enter the report number you were given. You will see where your report stands and any message from the hotline.",
  "entry.hint": "20 digits. Spaces and dashes are fine.",
  "entry.open": "Open my report",
  "entry.opening": "Opening your report…",
  "entry.format": "A report number has 20 digits. Please check it.",
  "entry.wrong": "No report could be opened with this number. Please check it and try again.",
  "entry.rateSoon": "Too many tries from this connection. Please wait a few seconds, then try again.",
  "entry.rateLater": "Too many tries from this connection. You can try again at {time}.",
  "entry.offline": "No connection. Try again when you are connected.",
  "entry.server": "The service had a problem. Please try again.",
  "entry.expired":
    "For your safety, your report closes on this screen after a while. What you wrote is kept: enter your report number again, then send it.",

  "status.title": "Your report",
  "status.receivedOn": "Received on {date}",
  "status.label": "Where it stands",
  "status.received.text": "Received. The hotline has your report and will read it.",
  "status.in_review.text": "Being reviewed by the hotline.",
  "status.referred.text": "Passed to an agency that can act on it.",
  "status.closed.text": "Closed. The hotline has finished with this report.",
  "status.loading": "Loading your report…",
  "status.failed": "Your report could not be loaded. Please try again.",
  "status.refresh": "Check for new messages",

  "messages.title": "Messages",
  "messages.none": "No messages yet. The hotline may write to you here: come back later with your number.",
  "messages.you": "You",
  "messages.hotline": "Hotline",
  "messages.automatic": "automatic message",

  "reply.label": "Your answer or more information",
  "reply.hint": "Only the hotline reads it.",
  "reply.send": "Send",
  "reply.sending": "Sending your message…",
  "reply.sent": "Your message was sent.",
  "reply.offline": "Your message could not be sent: no connection. It is kept. Try again when you are connected.",
  "reply.server": "The service had a problem. Your message is kept. Please try again.",
  "reply.rate": "Too many messages from this connection. Your message is kept.",

  "close.button": "Close my report",
} as const;
