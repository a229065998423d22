/** The console's admin pages; French and Arabic are typed against the English source. */
const en = {
  "admin.title": "Running the hotline",
};

type Messages = Record<keyof typeof en, string>;

const fr: Messages = {
  "admin.title": "Administration de la permanence",
};

const ar: Messages = {
  "admin.title": "الإدارة",
};

export const adminMessages = { en, fr, ar };
