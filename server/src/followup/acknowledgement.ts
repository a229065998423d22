import type { Language } from "@balagh/shared";

// Rendered when the conversation is read, never written at intake: the intake path stays one write per tip.
const TEXTS: Record<Language, string> = {
  fr: "Nous avons bien reçu votre signalement. Merci de votre courage. Notre équipe va le lire avec attention et pourra vous poser des questions ici. Revenez avec votre reçu pour voir où en est votre signalement et nous répondre. Nous ne vous contacterons jamais autrement. Si quelqu'un est en danger maintenant, appelez les numéros d'urgence.",
  ar: "لقد وصلنا بلاغك. شكرا على شجاعتك. سيقرأ فريقنا بلاغك بعناية وقد يطرح عليك أسئلة هنا. عد بإيصالك لترى أين وصل بلاغك وترد علينا. لن نتصل بك بأي طريقة أخرى. إذا كان أحد في خطر الآن، اتصل بأرقام الطوارئ.",
  en: "We have received your report. Thank you for your courage. Our team will read it carefully and may ask you questions here. Come back with your receipt to see where your report stands and to answer us. We will never contact you any other way. If someone is in danger now, call the emergency numbers.",
  es: "Hemos recibido su denuncia. Gracias por su valentía. Nuestro equipo la leerá con atención y podrá hacerle preguntas aquí. Vuelva con su recibo para ver en qué punto está su denuncia y respondernos. Nunca le contactaremos de otra manera. Si alguien está en peligro ahora, llame a los números de emergencia.",
};

const isLanguage = (value: string): value is Language => Object.hasOwn(TEXTS, value);

export type Acknowledgement = { from: "hotline"; body: string; sentAt: Date; automatic: true };

/**
 * The hotline's first message, in the report's language (French when a stored language is not one of
 * the four), dated when the tip was received. The reporter's API and the staff's conversation both show it first.
 */
export const acknowledgementOf = (language: string, receivedAt: Date): Acknowledgement => ({
  from: "hotline",
  body: TEXTS[isLanguage(language) ? language : "fr"],
  sentAt: receivedAt,
  automatic: true,
});
