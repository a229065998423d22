/** The partners' administration pages, their kit and their poster; French and Arabic are typed against the English source. */
const en = {
  "partners.list.title": "Partners",
  "partners.list.lead":
    "The websites that embed the reporting form. A partner is never deleted, as its tips keep it: disable it instead.",
  "partners.list.add": "Add a partner",
  "partners.list.empty": "No partner yet.",
  "partners.list.state": "State",
  "partners.state.enabled": "Active",
  "partners.state.disabled": "Disabled",

  "partners.field.key": "Key",
  "partners.field.name": "Name",
  "partners.field.allowedOrigins": "Allowed origins",
  "partners.field.languages": "Languages of the form",
  "partners.field.defaultLanguage": "Default language",
  "partners.field.countries": "Countries",
  "partners.field.defaultCountry": "Default country",
  "partners.field.captchaProviders": "Captchas",
  "partners.field.exitUrl": "Exit address",
  "partners.field.accent": "Accent colour",
  "partners.field.launcherLabel": "Launcher text",

  "partners.hint.key":
    "The partner's address in its snippet and its links, such as ong-nouakchott: lower-case letters, digits and dashes. It cannot be changed later.",
  "partners.hint.allowedOrigins":
    "One per line: each website that embeds the form, as scheme, host and port, such as https://www.ong.example. No path. https:// only, except http://localhost and http://127.0.0.1 for tests.",
  "partners.hint.countries": "Two-letter ISO codes separated by spaces, such as MR SN ML.",
  "partners.hint.defaultCountry": "One of the countries above, preselected in the form.",
  "partners.hint.captchaProviders": "At least one. ALTCHA runs on the hotline itself; hCaptcha loads from hCaptcha.",
  "partners.hint.exitUrl":
    "Where quick exit takes the reporter: a neutral page that says nothing about reporting. https:// only.",
  "partners.hint.accent":
    "Optional, written #rrggbb. The form writes white on it: it must reach a contrast of 4.5:1 (WCAG AA). Empty: the form's own blue.",
  "partners.hint.launcherLabel":
    "Optional, at most {max} characters. Empty: “Report a situation” in the page's language.",
  "partners.captcha.altcha": "ALTCHA (proof of work, on the hotline)",
  "partners.captcha.hcaptcha": "hCaptcha (hosted by hCaptcha)",

  "partners.new.title": "Add a partner",
  "partners.new.submit": "Add the partner",
  "partners.edit.title": "Change the partner {key}",
  "partners.edit.keyFixed": "The key stays the same: it is in every snippet already pasted.",
  "partners.edit.submit": "Save the changes",
  "partners.cancel": "Cancel",

  "partners.error.key.required": "Enter the partner's key",
  "partners.error.key.pattern":
    "The key can only contain lower-case letters, digits and dashes, start with a letter or a digit, and be at most 63 characters",
  "partners.error.key.taken": "Another partner already has this key",
  "partners.error.key.reserved": "This key is an address of the console itself: choose another",
  "partners.error.name.required": "Enter the partner's name",
  "partners.error.name.tooLong": "The name must be {max} characters or fewer",
  "partners.error.control": "Remove the line breaks and invisible characters",
  "partners.error.allowedOrigins.required": "Enter at least one allowed origin",
  "partners.error.origin.invalid": "Line {line} ({value}) is not an origin: write it like https://www.ong.example",
  "partners.error.origin.scheme":
    "Line {line} ({value}) must start with https:// (http:// only for localhost and 127.0.0.1)",
  "partners.error.origin.credentials":
    "Line {line} ({value}) contains a user name or password: write only {suggestion}",
  "partners.error.origin.path": "Line {line} ({value}) has a path: write only the origin, {suggestion}",
  "partners.error.origin.query": "Line {line} ({value}) has a query or a fragment: write only the origin, {suggestion}",
  "partners.error.origin.notCanonical": "Line {line} ({value}): write it exactly as {suggestion}",
  "partners.error.origin.duplicate": "Line {line} ({value}) repeats an earlier line",
  "partners.error.languages.required": "Choose at least one language",
  "partners.error.defaultLanguage.required": "Choose the default language",
  "partners.error.defaultLanguage.notAmong": "Choose a default language among the languages ticked",
  "partners.error.countries.required": "Enter at least one country",
  "partners.error.countries.country": "{value} is not an ISO country code: use two letters, such as MR",
  "partners.error.defaultCountry.required": "Enter the default country",
  "partners.error.defaultCountry.notAmong": "The default country must be one of the countries entered",
  "partners.error.captchaProviders.required": "Choose at least one captcha",
  "partners.error.exitUrl.required": "Enter the exit address",
  "partners.error.exitUrl.invalid": "Enter the exit address in full, such as https://www.wikipedia.org/",
  "partners.error.exitUrl.scheme": "The exit address must start with https://",
  "partners.error.accent.format": "Enter the colour as # and six hexadecimal digits, such as #0b6e4f",
  "partners.error.accent.contrast":
    "White text on this colour has a contrast of {ratio}:1, and WCAG AA needs {minimum}:1: choose a darker colour",
  "partners.error.launcherLabel.tooLong": "The launcher text must be {max} characters or fewer",

  "partners.done.created": "The partner was added. Send it the snippet below.",
  "partners.done.saved": "The changes were saved.",
  "partners.done.disabled": "The partner was disabled.",
  "partners.done.enabled": "The partner was enabled again.",

  "partners.kit.disabledNotice":
    "This partner is disabled: its form, its full page and its reports answer as for an unknown key. Its past tips keep it.",
  "partners.kit.cache":
    "Changes take effect within {seconds} seconds: the server keeps each partner's settings in memory for that long.",
  "partners.kit.cacheNone": "Changes take effect at once: this server keeps no partner settings in memory.",
  "partners.kit.settings": "Settings",
  "partners.kit.edit": "Change the settings",
  "partners.kit.defaultAccent": "the form's own blue",
  "partners.kit.defaultLabel": "“Report a situation”, in the page's language",
  "partners.kit.disable": "Disable the partner",
  "partners.kit.disableHint":
    "Its form stops at once on its sites (within the time above). Its tips are kept. You can enable it again.",
  "partners.kit.enable": "Enable the partner",
  "partners.kit.enableHint": "Its snippet, full page and poster work again.",
  "partners.kit.snippet": "The snippet",
  "partners.kit.snippetLead":
    "Paste this line into every page of the partner's site that should offer the form. A button opens the form; the site never sees what is typed.",
  "partners.kit.csp":
    "If the site sends a Content Security Policy, it must allow {hotline} in script-src and frame-src.",
  "partners.kit.options": "The snippet's options",
  "partners.option.partner": "The partner's key, here {key}. Required.",
  "partners.option.lang": "The form's language: one of {languages}. Without it: {defaultLanguage}.",
  "partners.option.country": "The country preselected in the form: one of {countries}. Without it: {defaultCountry}.",
  "partners.option.mode":
    "floating: a fixed button in the corner of the page (the default). button: a button inside the element named by data-target. inline: the form itself inside that element, in a frame of fixed height.",
  "partners.option.target": "For button and inline: a CSS selector of the element that holds them, such as #report.",
  "partners.option.label": "The button's text, if the partner wants its own words.",
  "partners.option.position":
    "end (the default) or start: the corner of the floating button, mirrored on Arabic pages.",
  "partners.kit.preview": "Preview",
  "partners.kit.previewLead":
    "The form as the partner's visitors see it, with its colour and default language. It is the live form: do not send a report from here.",
  "partners.kit.previewTitle": "Preview of the form of {name}",
  "partners.kit.previewDisabled": "No preview while the partner is disabled.",
  "partners.kit.fullPage": "Full-page link",
  "partners.kit.fullPageLead": "The form on a page of its own, for links in messages, social media and QR codes:",
  "partners.kit.poster": "Poster",
  "partners.kit.posterLead":
    "A sheet to print and put up, with a QR code to the full page, the hotline's free number and the emergency numbers of the partner's country.",
  "partners.kit.posterLink": "{size} poster in {language}",
  "partners.kit.posterDisabled": "No poster while the partner is disabled: its QR code would lead to nothing.",
  "partners.posterLanguage.fr": "French",
  "partners.posterLanguage.ar": "Arabic",

  "partners.poster.pageTitle": "{size} poster of {name}",
  "partners.poster.tools": "Poster",
  "partners.poster.back": "Back to the partner",
  "partners.poster.print": "Print with your browser (Ctrl+P), paper {size}, no margins.",
  "partners.poster.title": "Report trafficking in persons or the smuggling of migrants",
  "partners.poster.lead": "It is free and you can stay anonymous. Scan this code with your phone or open this address:",
  "partners.poster.qrLabel": "QR code to {url}",
  "partners.poster.freePhone": "Or call the hotline, free of charge:",
  "partners.poster.emergency": "In danger now? Call:",
  "partners.poster.safety": "You do not have to give your name. This service is offered with {partner}.",
};

type Messages = Record<keyof typeof en, string>;

const fr: Messages = {
  "partners.list.title": "Partenaires",
  "partners.list.lead":
    "Les sites qui intègrent le formulaire de signalement. Un partenaire n’est jamais supprimé, car ses signalements le gardent : désactivez-le plutôt.",
  "partners.list.add": "Ajouter un partenaire",
  "partners.list.empty": "Aucun partenaire pour l’instant.",
  "partners.list.state": "État",
  "partners.state.enabled": "Actif",
  "partners.state.disabled": "Désactivé",

  "partners.field.key": "Clé",
  "partners.field.name": "Nom",
  "partners.field.allowedOrigins": "Origines autorisées",
  "partners.field.languages": "Langues du formulaire",
  "partners.field.defaultLanguage": "Langue par défaut",
  "partners.field.countries": "Pays",
  "partners.field.defaultCountry": "Pays par défaut",
  "partners.field.captchaProviders": "Captchas",
  "partners.field.exitUrl": "Adresse de sortie",
  "partners.field.accent": "Couleur d’accent",
  "partners.field.launcherLabel": "Texte du bouton",

  "partners.hint.key":
    "L’adresse du partenaire dans son extrait et ses liens, par exemple ong-nouakchott : lettres minuscules, chiffres et tirets. Elle ne peut plus changer ensuite.",
  "partners.hint.allowedOrigins":
    "Une par ligne : chaque site qui intègre le formulaire, sous la forme schéma, hôte et port, par exemple https://www.ong.example. Pas de chemin. https:// seulement, sauf http://localhost et http://127.0.0.1 pour les essais.",
  "partners.hint.countries": "Codes ISO à deux lettres séparés par des espaces, par exemple MR SN ML.",
  "partners.hint.defaultCountry": "L’un des pays ci-dessus, présélectionné dans le formulaire.",
  "partners.hint.captchaProviders":
    "Au moins un. ALTCHA fonctionne sur la permanence elle-même ; hCaptcha se charge depuis hCaptcha.",
  "partners.hint.exitUrl":
    "Là où la sortie rapide emmène la personne : une page neutre, qui ne parle pas de signalement. https:// seulement.",
  "partners.hint.accent":
    "Facultatif, sous la forme #rrvvbb. Le formulaire écrit en blanc dessus : le contraste doit atteindre 4,5:1 (WCAG AA). Vide : le bleu du formulaire.",
  "partners.hint.launcherLabel":
    "Facultatif, {max} caractères au plus. Vide : « Signaler une situation » dans la langue de la page.",
  "partners.captcha.altcha": "ALTCHA (preuve de travail, sur la permanence)",
  "partners.captcha.hcaptcha": "hCaptcha (hébergé par hCaptcha)",

  "partners.new.title": "Ajouter un partenaire",
  "partners.new.submit": "Ajouter le partenaire",
  "partners.edit.title": "Modifier le partenaire {key}",
  "partners.edit.keyFixed": "La clé ne change pas : elle figure dans chaque extrait déjà collé.",
  "partners.edit.submit": "Enregistrer les modifications",
  "partners.cancel": "Annuler",

  "partners.error.key.required": "Saisissez la clé du partenaire",
  "partners.error.key.pattern":
    "La clé ne peut contenir que des lettres minuscules, des chiffres et des tirets, commencer par une lettre ou un chiffre, et compter 63 caractères au plus",
  "partners.error.key.taken": "Un autre partenaire a déjà cette clé",
  "partners.error.key.reserved": "Cette clé est une adresse de la console elle-même : choisissez-en une autre",
  "partners.error.name.required": "Saisissez le nom du partenaire",
  "partners.error.name.tooLong": "Le nom doit compter {max} caractères au plus",
  "partners.error.control": "Retirez les retours à la ligne et les caractères invisibles",
  "partners.error.allowedOrigins.required": "Saisissez au moins une origine autorisée",
  "partners.error.origin.invalid":
    "La ligne {line} ({value}) n’est pas une origine : écrivez-la comme https://www.ong.example",
  "partners.error.origin.scheme":
    "La ligne {line} ({value}) doit commencer par https:// (http:// seulement pour localhost et 127.0.0.1)",
  "partners.error.origin.credentials":
    "La ligne {line} ({value}) contient un nom d’utilisateur ou un mot de passe : écrivez seulement {suggestion}",
  "partners.error.origin.path": "La ligne {line} ({value}) a un chemin : écrivez seulement l’origine, {suggestion}",
  "partners.error.origin.query":
    "La ligne {line} ({value}) a une requête ou un fragment : écrivez seulement l’origine, {suggestion}",
  "partners.error.origin.notCanonical": "Ligne {line} ({value}) : écrivez-la exactement {suggestion}",
  "partners.error.origin.duplicate": "La ligne {line} ({value}) répète une ligne précédente",
  "partners.error.languages.required": "Choisissez au moins une langue",
  "partners.error.defaultLanguage.required": "Choisissez la langue par défaut",
  "partners.error.defaultLanguage.notAmong": "Choisissez une langue par défaut parmi les langues cochées",
  "partners.error.countries.required": "Saisissez au moins un pays",
  "partners.error.countries.country": "{value} n’est pas un code de pays ISO : deux lettres, par exemple MR",
  "partners.error.defaultCountry.required": "Saisissez le pays par défaut",
  "partners.error.defaultCountry.notAmong": "Le pays par défaut doit être l’un des pays saisis",
  "partners.error.captchaProviders.required": "Choisissez au moins un captcha",
  "partners.error.exitUrl.required": "Saisissez l’adresse de sortie",
  "partners.error.exitUrl.invalid": "Saisissez l’adresse de sortie complète, par exemple https://www.wikipedia.org/",
  "partners.error.exitUrl.scheme": "L’adresse de sortie doit commencer par https://",
  "partners.error.accent.format":
    "Saisissez la couleur sous la forme # et six chiffres hexadécimaux, par exemple #0b6e4f",
  "partners.error.accent.contrast":
    "Le texte blanc sur cette couleur a un contraste de {ratio}:1, et WCAG AA demande {minimum}:1 : choisissez une couleur plus foncée",
  "partners.error.launcherLabel.tooLong": "Le texte du bouton doit compter {max} caractères au plus",

  "partners.done.created": "Le partenaire a été ajouté. Envoyez-lui l’extrait ci-dessous.",
  "partners.done.saved": "Les modifications ont été enregistrées.",
  "partners.done.disabled": "Le partenaire a été désactivé.",
  "partners.done.enabled": "Le partenaire a été réactivé.",

  "partners.kit.disabledNotice":
    "Ce partenaire est désactivé : son formulaire, sa page complète et ses envois répondent comme pour une clé inconnue. Ses signalements passés le gardent.",
  "partners.kit.cache":
    "Les modifications prennent effet en {seconds} secondes au plus : le serveur garde les réglages de chaque partenaire en mémoire pendant ce temps.",
  "partners.kit.cacheNone":
    "Les modifications prennent effet aussitôt : ce serveur ne garde aucun réglage de partenaire en mémoire.",
  "partners.kit.settings": "Réglages",
  "partners.kit.edit": "Modifier les réglages",
  "partners.kit.defaultAccent": "le bleu du formulaire",
  "partners.kit.defaultLabel": "« Signaler une situation », dans la langue de la page",
  "partners.kit.disable": "Désactiver le partenaire",
  "partners.kit.disableHint":
    "Son formulaire s’arrête sur ses sites (dans le délai ci-dessus). Ses signalements sont gardés. Vous pourrez le réactiver.",
  "partners.kit.enable": "Réactiver le partenaire",
  "partners.kit.enableHint": "Son extrait, sa page complète et son affiche fonctionnent de nouveau.",
  "partners.kit.snippet": "L’extrait à coller",
  "partners.kit.snippetLead":
    "Collez cette ligne dans chaque page du site du partenaire qui doit proposer le formulaire. Un bouton ouvre le formulaire ; le site ne voit jamais ce qui est saisi.",
  "partners.kit.csp":
    "Si le site envoie une politique de sécurité du contenu (CSP), elle doit autoriser {hotline} dans script-src et frame-src.",
  "partners.kit.options": "Les options de l’extrait",
  "partners.option.partner": "La clé du partenaire, ici {key}. Obligatoire.",
  "partners.option.lang": "La langue du formulaire : l’une de {languages}. Sans elle : {defaultLanguage}.",
  "partners.option.country":
    "Le pays présélectionné dans le formulaire : l’un de {countries}. Sans lui : {defaultCountry}.",
  "partners.option.mode":
    "floating : un bouton fixe dans le coin de la page (par défaut). button : un bouton dans l’élément désigné par data-target. inline : le formulaire lui-même dans cet élément, dans un cadre de hauteur fixe.",
  "partners.option.target":
    "Pour button et inline : un sélecteur CSS de l’élément qui les contient, par exemple #signaler.",
  "partners.option.label": "Le texte du bouton, si le partenaire veut ses propres mots.",
  "partners.option.position": "end (par défaut) ou start : le coin du bouton flottant, inversé sur les pages en arabe.",
  "partners.kit.preview": "Aperçu",
  "partners.kit.previewLead":
    "Le formulaire tel que le voient les visiteurs du partenaire, avec sa couleur et sa langue par défaut. C’est le vrai formulaire : n’envoyez pas de signalement d’ici.",
  "partners.kit.previewTitle": "Aperçu du formulaire de {name}",
  "partners.kit.previewDisabled": "Pas d’aperçu tant que le partenaire est désactivé.",
  "partners.kit.fullPage": "Lien vers la page complète",
  "partners.kit.fullPageLead":
    "Le formulaire sur une page à lui, pour les liens dans les messages, les réseaux sociaux et les codes QR :",
  "partners.kit.poster": "Affiche",
  "partners.kit.posterLead":
    "Une feuille à imprimer et à afficher, avec un code QR vers la page complète, le numéro gratuit de la permanence et les numéros d’urgence du pays du partenaire.",
  "partners.kit.posterLink": "Affiche {size} en {language}",
  "partners.kit.posterDisabled":
    "Pas d’affiche tant que le partenaire est désactivé : son code QR ne mènerait nulle part.",
  "partners.posterLanguage.fr": "français",
  "partners.posterLanguage.ar": "arabe",

  "partners.poster.pageTitle": "Affiche {size} de {name}",
  "partners.poster.tools": "Affiche",
  "partners.poster.back": "Retour au partenaire",
  "partners.poster.print": "Imprimez avec votre navigateur (Ctrl+P), papier {size}, sans marges.",
  "partners.poster.title": "Signalez la traite des personnes ou le trafic de migrants",
  "partners.poster.lead":
    "C’est gratuit et vous pouvez rester anonyme. Scannez ce code avec votre téléphone ou ouvrez cette adresse :",
  "partners.poster.qrLabel": "Code QR vers {url}",
  "partners.poster.freePhone": "Ou appelez gratuitement la permanence :",
  "partners.poster.emergency": "En danger maintenant ? Appelez :",
  "partners.poster.safety": "Vous n’avez pas à donner votre nom. Ce service vous est proposé avec {partner}.",
};

const ar: Messages = {
  "partners.list.title": "الشركاء",
  "partners.list.lead":
    "المواقع التي تُدمج استمارة الإبلاغ. لا يُحذف الشريك أبدًا لأن بلاغاته تبقى مرتبطة به: عطّله بدلًا من ذلك.",
  "partners.list.add": "إضافة شريك",
  "partners.list.empty": "لا يوجد شريك بعد.",
  "partners.list.state": "الحالة",
  "partners.state.enabled": "نشط",
  "partners.state.disabled": "معطَّل",

  "partners.field.key": "المفتاح",
  "partners.field.name": "الاسم",
  "partners.field.allowedOrigins": "المصادر المسموح بها",
  "partners.field.languages": "لغات الاستمارة",
  "partners.field.defaultLanguage": "اللغة الافتراضية",
  "partners.field.countries": "البلدان",
  "partners.field.defaultCountry": "البلد الافتراضي",
  "partners.field.captchaProviders": "اختبارات التحقق (كابتشا)",
  "partners.field.exitUrl": "عنوان الخروج",
  "partners.field.accent": "اللون المميز",
  "partners.field.launcherLabel": "نص الزر",

  "partners.hint.key":
    "عنوان الشريك في المقتطف والروابط، مثل ong-nouakchott: حروف لاتينية صغيرة وأرقام وشرطات. لا يمكن تغييره لاحقًا.",
  "partners.hint.allowedOrigins":
    "مصدر واحد في كل سطر: كل موقع يُدمج الاستمارة، بصيغة البروتوكول والمضيف والمنفذ، مثل \u2068https://www.ong.example\u2069. بدون مسار. \u2068https://\u2069 فقط، باستثناء \u2068http://localhost\u2069 و\u2068http://127.0.0.1\u2069 للتجارب.",
  "partners.hint.countries": "رموز ISO من حرفين تفصل بينها مسافات، مثل \u2068MR SN ML\u2069.",
  "partners.hint.defaultCountry": "أحد البلدان أعلاه، يكون محددًا مسبقًا في الاستمارة.",
  "partners.hint.captchaProviders": "واحد على الأقل. يعمل ALTCHA على خادم الخط نفسه؛ ويُحمَّل hCaptcha من hCaptcha.",
  "partners.hint.exitUrl":
    "المكان الذي يأخذ إليه الخروج السريع المُبلِّغ: صفحة محايدة لا تتحدث عن الإبلاغ. \u2068https://\u2069 فقط.",
  "partners.hint.accent":
    "اختياري، بصيغة \u2068#rrggbb\u2069. تكتب الاستمارة بالأبيض عليه: يجب أن يبلغ التباين 4.5:1 (WCAG AA). فارغ: الأزرق الخاص بالاستمارة.",
  "partners.hint.launcherLabel": "اختياري، {max} حرفًا على الأكثر. فارغ: «الإبلاغ عن حالة» بلغة الصفحة.",
  "partners.captcha.altcha": "ALTCHA (إثبات عمل، على خادم الخط)",
  "partners.captcha.hcaptcha": "hCaptcha (تستضيفه شركة hCaptcha)",

  "partners.new.title": "إضافة شريك",
  "partners.new.submit": "أضف الشريك",
  "partners.edit.title": "تعديل الشريك {key}",
  "partners.edit.keyFixed": "يبقى المفتاح كما هو: فهو موجود في كل مقتطف سبق لصقه.",
  "partners.edit.submit": "احفظ التعديلات",
  "partners.cancel": "إلغاء",

  "partners.error.key.required": "أدخل مفتاح الشريك",
  "partners.error.key.pattern":
    "لا يمكن أن يحتوي المفتاح إلا على حروف لاتينية صغيرة وأرقام وشرطات، وأن يبدأ بحرف أو رقم، وألا يتجاوز 63 حرفًا",
  "partners.error.key.taken": "هذا المفتاح مستخدم لشريك آخر",
  "partners.error.key.reserved": "هذا المفتاح عنوان من عناوين لوحة العمل نفسها: اختر مفتاحًا آخر",
  "partners.error.name.required": "أدخل اسم الشريك",
  "partners.error.name.tooLong": "يجب ألا يتجاوز الاسم {max} حرفًا",
  "partners.error.control": "احذف فواصل الأسطر والأحرف غير المرئية",
  "partners.error.allowedOrigins.required": "أدخل مصدرًا مسموحًا به واحدًا على الأقل",
  "partners.error.origin.invalid": "السطر {line} ({value}) ليس مصدرًا: اكتبه مثل \u2068https://www.ong.example\u2069",
  "partners.error.origin.scheme":
    "يجب أن يبدأ السطر {line} ({value}) بـ \u2068https://\u2069 (\u2068http://\u2069 فقط لـ localhost و\u2068127.0.0.1\u2069)",
  "partners.error.origin.credentials":
    "السطر {line} ({value}) يحتوي على اسم مستخدم أو كلمة مرور: اكتب فقط {suggestion}",
  "partners.error.origin.path": "السطر {line} ({value}) فيه مسار: اكتب المصدر فقط، {suggestion}",
  "partners.error.origin.query": "السطر {line} ({value}) فيه استعلام أو جزء: اكتب المصدر فقط، {suggestion}",
  "partners.error.origin.notCanonical": "السطر {line} ({value}): اكتبه تمامًا هكذا {suggestion}",
  "partners.error.origin.duplicate": "السطر {line} ({value}) يكرر سطرًا سابقًا",
  "partners.error.languages.required": "اختر لغة واحدة على الأقل",
  "partners.error.defaultLanguage.required": "اختر اللغة الافتراضية",
  "partners.error.defaultLanguage.notAmong": "اختر لغة افتراضية من بين اللغات المحددة",
  "partners.error.countries.required": "أدخل بلدًا واحدًا على الأقل",
  "partners.error.countries.country": "{value} ليس رمز بلد ISO: استعمل حرفين، مثل MR",
  "partners.error.defaultCountry.required": "أدخل البلد الافتراضي",
  "partners.error.defaultCountry.notAmong": "يجب أن يكون البلد الافتراضي أحد البلدان المُدخلة",
  "partners.error.captchaProviders.required": "اختر اختبار تحقق واحدًا على الأقل",
  "partners.error.exitUrl.required": "أدخل عنوان الخروج",
  "partners.error.exitUrl.invalid": "أدخل عنوان الخروج كاملًا، مثل \u2068https://www.wikipedia.org/\u2069",
  "partners.error.exitUrl.scheme": "يجب أن يبدأ عنوان الخروج بـ \u2068https://\u2069",
  "partners.error.accent.format": "أدخل اللون بالرمز # وستة أرقام سداسية عشرية، مثل \u2068#0b6e4f\u2069",
  "partners.error.accent.contrast":
    "تباين النص الأبيض على هذا اللون {ratio}:1، ويتطلب WCAG AA ‏{minimum}:1: اختر لونًا أغمق",
  "partners.error.launcherLabel.tooLong": "يجب ألا يتجاوز نص الزر {max} حرفًا",

  "partners.done.created": "أُضيف الشريك. أرسل إليه المقتطف أدناه.",
  "partners.done.saved": "حُفظت التعديلات.",
  "partners.done.disabled": "عُطِّل الشريك.",
  "partners.done.enabled": "أُعيد تفعيل الشريك.",

  "partners.kit.disabledNotice":
    "هذا الشريك معطَّل: استمارته وصفحته الكاملة وإرسالاته تُجيب كما لو كان المفتاح مجهولًا. تبقى بلاغاته السابقة مرتبطة به.",
  "partners.kit.cache":
    "تسري التعديلات في غضون {seconds} ثوانٍ: يحتفظ الخادم بإعدادات كل شريك في الذاكرة طوال هذه المدة.",
  "partners.kit.cacheNone": "تسري التعديلات فورًا: لا يحتفظ هذا الخادم بأي إعدادات للشركاء في الذاكرة.",
  "partners.kit.settings": "الإعدادات",
  "partners.kit.edit": "تعديل الإعدادات",
  "partners.kit.defaultAccent": "الأزرق الخاص بالاستمارة",
  "partners.kit.defaultLabel": "«الإبلاغ عن حالة»، بلغة الصفحة",
  "partners.kit.disable": "تعطيل الشريك",
  "partners.kit.disableHint":
    "تتوقف استمارته على مواقعه (في غضون المدة أعلاه). تبقى بلاغاته محفوظة. يمكنك إعادة تفعيله.",
  "partners.kit.enable": "إعادة تفعيل الشريك",
  "partners.kit.enableHint": "يعود مقتطفه وصفحته الكاملة وملصقه إلى العمل.",
  "partners.kit.snippet": "المقتطف",
  "partners.kit.snippetLead":
    "الصق هذا السطر في كل صفحة من موقع الشريك ينبغي أن تعرض الاستمارة. يفتح زرٌّ الاستمارة؛ ولا يرى الموقع أبدًا ما يُكتب فيها.",
  "partners.kit.csp":
    "إذا كان الموقع يرسل سياسة أمان المحتوى (CSP)، فيجب أن تسمح بـ {hotline} في script-src وframe-src.",
  "partners.kit.options": "خيارات المقتطف",
  "partners.option.partner": "مفتاح الشريك، هنا {key}. إلزامي.",
  "partners.option.lang": "لغة الاستمارة: إحدى {languages}. بدونه: {defaultLanguage}.",
  "partners.option.country": "البلد المحدد مسبقًا في الاستمارة: أحد {countries}. بدونه: {defaultCountry}.",
  "partners.option.mode":
    "floating: زر ثابت في زاوية الصفحة (الافتراضي). button: زر داخل العنصر المحدد بـ data-target. inline: الاستمارة نفسها داخل ذلك العنصر، في إطار ثابت الارتفاع.",
  "partners.option.target": "لـ button وinline: محدِّد CSS للعنصر الذي يحتويهما، مثل \u2068#report\u2069.",
  "partners.option.label": "نص الزر، إن أراد الشريك كلماته الخاصة.",
  "partners.option.position": "end (الافتراضي) أو start: زاوية الزر العائم، معكوسة في الصفحات العربية.",
  "partners.kit.preview": "معاينة",
  "partners.kit.previewLead":
    "الاستمارة كما يراها زوار موقع الشريك، بلونه ولغته الافتراضية. إنها الاستمارة الحقيقية: لا ترسل بلاغًا من هنا.",
  "partners.kit.previewTitle": "معاينة استمارة {name}",
  "partners.kit.previewDisabled": "لا معاينة ما دام الشريك معطَّلًا.",
  "partners.kit.fullPage": "رابط الصفحة الكاملة",
  "partners.kit.fullPageLead": "الاستمارة في صفحة مستقلة، للروابط في الرسائل ووسائل التواصل ورموز QR:",
  "partners.kit.poster": "الملصق",
  "partners.kit.posterLead":
    "ورقة للطباعة والتعليق، فيها رمز QR إلى الصفحة الكاملة، ورقم الخط المجاني، وأرقام الطوارئ في بلد الشريك.",
  "partners.kit.posterLink": "ملصق {size} باللغة {language}",
  "partners.kit.posterDisabled": "لا ملصق ما دام الشريك معطَّلًا: لن يؤدي رمز QR الخاص به إلى أي مكان.",
  "partners.posterLanguage.fr": "الفرنسية",
  "partners.posterLanguage.ar": "العربية",

  "partners.poster.pageTitle": "ملصق {size} لـ {name}",
  "partners.poster.tools": "الملصق",
  "partners.poster.back": "العودة إلى الشريك",
  "partners.poster.print": "اطبع من متصفحك (\u2068Ctrl+P\u2069)، ورق {size}، بدون هوامش.",
  "partners.poster.title": "أبلغ عن الاتجار بالبشر أو تهريب المهاجرين",
  "partners.poster.lead": "الإبلاغ مجاني ويمكنك أن تبقى مجهول الهوية. امسح هذا الرمز بهاتفك أو افتح هذا العنوان:",
  "partners.poster.qrLabel": "رمز QR إلى {url}",
  "partners.poster.freePhone": "أو اتصل مجانًا بخط المساعدة:",
  "partners.poster.emergency": "في خطر الآن؟ اتصل بـ:",
  "partners.poster.safety": "لست مضطرًا لذكر اسمك. تُقدَّم هذه الخدمة بالتعاون مع {partner}.",
};

export const adminPartnersMessages = { en, fr, ar };
