import type { FollowupCatalog } from "../types.js";

export const followupEs: FollowupCatalog = {
  "entry.title": "Seguir su denuncia",
  "entry.intro":
    "Escriba el número de denuncia que recibió. Verá en qué punto está su denuncia y los mensajes de la línea.",
  "entry.hint": "20 cifras. Puede escribirlas con espacios o guiones.",
  "entry.open": "Abrir mi denuncia",
  "entry.opening": "Abriendo su denuncia…",
  "entry.format": "Un número de denuncia tiene 20 cifras. Revíselo, por favor.",
  "entry.wrong": "No se pudo abrir ninguna denuncia con este número. Revíselo e inténtelo de nuevo.",
  "entry.rateSoon": "Demasiados intentos desde esta conexión. Espere unos segundos y vuelva a intentarlo.",
  "entry.rateLater": "Demasiados intentos desde esta conexión. Podrá intentarlo de nuevo a las {time}.",
  "entry.offline": "Sin conexión. Inténtelo de nuevo cuando esté conectado.",
  "entry.server": "El servicio tuvo un problema. Inténtelo de nuevo, por favor.",
  "entry.expired":
    "Por su seguridad, su denuncia se cierra en esta pantalla al cabo de un rato. Lo que escribió se conserva: escriba otra vez su número y luego envíelo.",

  "status.title": "Su denuncia",
  "status.receivedOn": "Recibida el {date}",
  "status.label": "En qué punto está",
  "status.received.text": "Recibida. La línea tiene su denuncia y la leerá.",
  "status.in_review.text": "La línea la está examinando.",
  "status.referred.text": "Transmitida a un organismo que puede actuar.",
  "status.closed.text": "Cerrada. La línea ha terminado con esta denuncia.",
  "status.loading": "Cargando su denuncia…",
  "status.failed": "No se pudo cargar su denuncia. Inténtelo de nuevo, por favor.",
  "status.refresh": "Ver mensajes nuevos",

  "messages.title": "Mensajes",
  "messages.none": "Todavía no hay mensajes. La línea puede escribirle aquí: vuelva más tarde con su número.",
  "messages.you": "Usted",
  "messages.hotline": "La línea",
  "messages.automatic": "mensaje automático",

  "reply.label": "Su respuesta o más información",
  "reply.hint": "Solo la línea lo lee.",
  "reply.send": "Enviar",
  "reply.sending": "Enviando su mensaje…",
  "reply.sent": "Su mensaje se ha enviado.",
  "reply.offline": "No se pudo enviar su mensaje: sin conexión. Se conserva. Inténtelo de nuevo cuando esté conectado.",
  "reply.server": "El servicio tuvo un problema. Su mensaje se conserva. Inténtelo de nuevo, por favor.",
  "reply.rate": "Demasiados mensajes desde esta conexión. Su mensaje se conserva.",

  "close.button": "Cerrar mi denuncia",
};
