/**
 * The console's source catalog: what hotline staff read, in plain words. French and Arabic are
 * typed against this object, so a key missing from (or added to) one of them is a type error.
 * Placeholders are `{name}`; keep them identical in every language.
 */
export const en = {
  "service.name": "Balagh hotline console",
  skipLink: "Skip to main content",
  "language.label": "Language",
  "header.signedInAs": "Signed in as {email} ({role})",
  "nav.account": "Your account",
  "nav.signOut": "Sign out",

  "role.admin": "administrator",
  "role.supervisor": "supervisor",
  "role.agent": "agency officer",
  "role.auditor": "auditor",

  "errorSummary.title": "There is a problem",
  "field.errorPrefix": "Error:",

  "signIn.title": "Sign in",
  "signIn.intro": "Use the email address and password your hotline lead gave you.",
  "signIn.email": "Email address",
  "signIn.password": "Password",
  "signIn.submit": "Continue",
  "signIn.failed":
    "The email address, password or code is not right, or there were too many attempts. Wait a few minutes, then try again.",
  "signIn.emailMissing": "Enter your email address",
  "signIn.passwordMissing": "Enter your password",
  "signIn.sessionEnded": "Your session has ended. Sign in again to continue.",
  "signIn.sessionEndedKept": "Your session ended before your form was sent. Sign in again: what you typed is kept.",
  "signIn.signedOut": "You are signed out.",
  "signIn.signedOutEverywhere": "You are signed out on every device.",

  "code.title": "Enter the code from your authenticator app",
  "code.label": "6-digit code",
  "code.hint": "Open the authenticator app on your phone. The code changes every 30 seconds.",
  "code.missing": "Enter the 6-digit code",
  "code.format": "The code must be 6 digits",
  "code.submit": "Sign in",
  "code.startAgain": "Start again with your email address",

  "enrol.title": "Set up your second factor",
  "enrol.intro": "Each time you sign in, you will also type a code from an app on your phone. You set it up once.",
  "enrol.step1": "Install an authenticator app on your phone, for example Aegis, FreeOTP or Google Authenticator.",
  "enrol.step2": "In the app, add an account and scan this QR code.",
  "enrol.qrLabel": "QR code that sets up the authenticator app",
  "enrol.openApp": "Is the app on this phone? Add the account to it directly",
  "enrol.manual": "If you cannot scan it, type this setup key into the app instead:",
  "enrol.step3": "Type the 6-digit code the app now shows.",
  "enrol.submit": "Confirm and sign in",

  "home.title": "Queue",
  "home.whoami": "You are signed in as {email}, {role}.",
  "home.placeholder": "The queue of tips will appear here.",

  "account.title": "Your account",
  "account.email": "Email address",
  "account.role": "Role",
  "account.secondFactor": "Second factor",
  "account.secondFactorOn": "Set up",
  "account.secondFactorOff": "Not set up",
  "account.everywhereTitle": "Sign out on every device",
  "account.everywhereHint":
    "This ends every session of your account, on this device and on any other. Use it if you lost a phone or signed in on a shared computer.",
  "account.everywhereSubmit": "Sign out on every device",

  "resume.title": "Continue where you were",
  "resume.body": "You are signed in again. What you typed before your session ended is kept. Continue to send it.",
  "resume.submit": "Continue",
  "resume.discard": "Go back without sending it",

  "continue.title": "Open the console",
  "continue.link": "Continue to the console",

  "error.notFound.title": "Page not found",
  "error.notFound.body": "There is nothing at this address. Check the address, or go to the queue.",
  "error.forbidden.title": "You cannot open this page",
  "error.forbidden.body":
    "Your role does not give access to this page. Ask a supervisor or an administrator if you need it.",
  "error.form.title": "This form could not be sent",
  "error.form.body": "The form was out of date or came from another site. Go back, reload the page and send it again.",
  "error.database.title": "The database cannot be reached",
  "error.database.body":
    "Nothing was changed. Try again in a minute. If it goes on, tell the hotline's technical team.",
  "error.unexpected.title": "Something went wrong",
  "error.unexpected.body": "Nothing was changed. Try again in a minute.",
  "error.home": "Go to the queue",
};
