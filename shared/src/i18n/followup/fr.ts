import type { FollowupCatalog } from "../types.js";

export const followupFr: FollowupCatalog = {
  "entry.title": "Suivre votre signalement",
  "entry.intro":
    "Saisissez le numéro de signalement que vous avez reçu. Vous verrez où en est votre signalement et les messages de la ligne.",
  "entry.hint": "20 chiffres. Les espaces et les tirets sont acceptés.",
  "entry.open": "Ouvrir mon signalement",
  "entry.opening": "Ouverture de votre signalement…",
  "entry.format": "Un numéro de signalement a 20 chiffres. Vérifiez-le.",
  "entry.wrong": "Aucun signalement n’a pu être ouvert avec ce numéro. Vérifiez-le et réessayez.",
  "entry.rateSoon": "Trop d’essais depuis cette connexion. Attendez quelques secondes, puis réessayez.",
  "entry.rateLater": "Trop d’essais depuis cette connexion. Vous pourrez réessayer à {time}.",
  "entry.offline": "Pas de connexion. Réessayez quand vous serez connecté.",
  "entry.server": "Le service a eu un problème. Veuillez réessayer.",
  "entry.expired":
    "Pour votre sécurité, votre signalement se ferme sur cet écran au bout d’un moment. Ce que vous avez écrit est gardé : saisissez de nouveau votre numéro, puis envoyez.",

  "status.title": "Votre signalement",
  "status.receivedOn": "Reçu le {date}",
  "status.label": "Où il en est",
  "status.received.text": "Reçu. La ligne a votre signalement et va le lire.",
  "status.in_review.text": "En cours d’examen par la ligne.",
  "status.referred.text": "Transmis à un service qui peut agir.",
  "status.closed.text": "Clos. La ligne a terminé le traitement de ce signalement.",
  "status.loading": "Chargement de votre signalement…",
  "status.failed": "Votre signalement n’a pas pu être chargé. Veuillez réessayer.",
  "status.refresh": "Voir les nouveaux messages",

  "messages.title": "Messages",
  "messages.none": "Pas encore de message. La ligne peut vous écrire ici : revenez plus tard avec votre numéro.",
  "messages.you": "Vous",
  "messages.hotline": "La ligne",
  "messages.automatic": "message automatique",

  "reply.label": "Votre réponse ou des informations en plus",
  "reply.hint": "Seule la ligne le lit.",
  "reply.send": "Envoyer",
  "reply.sending": "Envoi de votre message…",
  "reply.sent": "Votre message a été envoyé.",
  "reply.offline":
    "Votre message n’a pas pu être envoyé : pas de connexion. Il est gardé. Réessayez quand vous serez connecté.",
  "reply.server": "Le service a eu un problème. Votre message est gardé. Veuillez réessayer.",
  "reply.rate": "Trop de messages depuis cette connexion. Votre message est gardé.",

  "close.button": "Fermer mon signalement",
};
