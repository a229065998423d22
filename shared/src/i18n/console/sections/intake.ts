/** The console's intake pages; French and Arabic are typed against the English source. */
const en = {
  "intake.title": "New tip from a call or a visit",
};

type Messages = Record<keyof typeof en, string>;

const fr: Messages = {
  "intake.title": "Nouveau signalement reçu par téléphone ou sur place",
};

const ar: Messages = {
  "intake.title": "بلاغ جديد عبر الهاتف أو الحضور",
};

export const intakeMessages = { en, fr, ar };
