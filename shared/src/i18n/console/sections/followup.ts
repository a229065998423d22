/** The console's followup pages; French and Arabic are typed against the English source. */
const en = {
  "followup.title": "Conversation with the reporter",
};

type Messages = Record<keyof typeof en, string>;

const fr: Messages = {
  "followup.title": "Conversation avec la personne qui signale",
};

const ar: Messages = {
  "followup.title": "المحادثة مع المُبلِّغ",
};

export const followupMessages = { en, fr, ar };
