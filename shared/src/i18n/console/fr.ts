import type { ConsoleCatalog } from "./types.js";

export const fr: ConsoleCatalog = {
  "service.name": "Balagh : console de la permanence",
  skipLink: "Aller au contenu principal",
  "language.label": "Langue",
  "header.signedInAs": "Connecté·e : {email} ({role})",
  "nav.account": "Votre compte",
  "nav.signOut": "Se déconnecter",

  "role.admin": "administrateur·rice",
  "role.supervisor": "superviseur·e",
  "role.agent": "agent d’une agence",
  "role.auditor": "auditeur·rice",

  "errorSummary.title": "Il y a un problème",
  "field.errorPrefix": "Erreur :",

  "signIn.title": "Se connecter",
  "signIn.intro":
    "Utilisez l’adresse e-mail et le mot de passe que le ou la responsable de la permanence vous a donnés.",
  "signIn.email": "Adresse e-mail",
  "signIn.password": "Mot de passe",
  "signIn.submit": "Continuer",
  "signIn.failed":
    "L’adresse e-mail, le mot de passe ou le code n’est pas bon, ou il y a eu trop d’essais. Attendez quelques minutes, puis réessayez.",
  "signIn.emailMissing": "Saisissez votre adresse e-mail",
  "signIn.passwordMissing": "Saisissez votre mot de passe",
  "signIn.sessionEnded": "Votre session est terminée. Connectez-vous de nouveau pour continuer.",
  "signIn.sessionEndedKept":
    "Votre session s’est terminée avant l’envoi du formulaire. Connectez-vous de nouveau : ce que vous avez saisi est conservé.",
  "signIn.signedOut": "Vous êtes déconnecté·e.",
  "signIn.signedOutEverywhere": "Vous êtes déconnecté·e sur tous les appareils.",

  "code.title": "Saisissez le code de votre application d’authentification",
  "code.label": "Code à 6 chiffres",
  "code.hint": "Ouvrez l’application d’authentification sur votre téléphone. Le code change toutes les 30 secondes.",
  "code.missing": "Saisissez le code à 6 chiffres",
  "code.format": "Le code doit comporter 6 chiffres",
  "code.submit": "Se connecter",
  "code.startAgain": "Recommencer avec votre adresse e-mail",

  "enrol.title": "Configurer votre deuxième facteur",
  "enrol.intro":
    "À chaque connexion, vous saisirez aussi un code donné par une application sur votre téléphone. Vous la configurez une seule fois.",
  "enrol.step1":
    "Installez une application d’authentification sur votre téléphone, par exemple Aegis, FreeOTP ou Google Authenticator.",
  "enrol.step2": "Dans l’application, ajoutez un compte et scannez ce code QR.",
  "enrol.qrLabel": "Code QR qui configure l’application d’authentification",
  "enrol.openApp": "L’application est sur ce téléphone ? Ajoutez-y le compte directement",
  "enrol.manual": "Si vous ne pouvez pas le scanner, saisissez plutôt cette clé dans l’application :",
  "enrol.step3": "Saisissez le code à 6 chiffres que l’application affiche maintenant.",
  "enrol.submit": "Confirmer et se connecter",

  "home.title": "File des signalements",
  "home.whoami": "Vous êtes connecté·e en tant que {email}, {role}.",
  "home.placeholder": "La file des signalements apparaîtra ici.",

  "account.title": "Votre compte",
  "account.email": "Adresse e-mail",
  "account.role": "Rôle",
  "account.secondFactor": "Deuxième facteur",
  "account.secondFactorOn": "Configuré",
  "account.secondFactorOff": "Non configuré",
  "account.everywhereTitle": "Se déconnecter sur tous les appareils",
  "account.everywhereHint":
    "Cela met fin à toutes les sessions de votre compte, sur cet appareil et sur tous les autres. Utilisez-le si vous avez perdu un téléphone ou vous êtes connecté·e sur un ordinateur partagé.",
  "account.everywhereSubmit": "Se déconnecter partout",

  "resume.title": "Reprendre là où vous étiez",
  "resume.body":
    "Vous êtes de nouveau connecté·e. Ce que vous aviez saisi avant la fin de votre session est conservé. Continuez pour l’envoyer.",
  "resume.submit": "Continuer",
  "resume.discard": "Revenir sans l’envoyer",

  "continue.title": "Ouvrir la console",
  "continue.link": "Continuer vers la console",

  "error.notFound.title": "Page introuvable",
  "error.notFound.body": "Il n’y a rien à cette adresse. Vérifiez l’adresse ou allez à la file des signalements.",
  "error.forbidden.title": "Vous ne pouvez pas ouvrir cette page",
  "error.forbidden.body":
    "Votre rôle ne donne pas accès à cette page. Demandez à un·e superviseur·e ou à un·e administrateur·rice si vous en avez besoin.",
  "error.form.title": "Ce formulaire n’a pas pu être envoyé",
  "error.form.body":
    "Le formulaire était périmé ou venait d’un autre site. Revenez en arrière, rechargez la page et envoyez-le de nouveau.",
  "error.database.title": "La base de données est inaccessible",
  "error.database.body":
    "Rien n’a été modifié. Réessayez dans une minute. Si le problème continue, prévenez l’équipe technique de la permanence.",
  "error.unexpected.title": "Une erreur s’est produite",
  "error.unexpected.body": "Rien n’a été modifié. Réessayez dans une minute.",
  "error.home": "Aller à la file des signalements",
};
