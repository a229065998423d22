import type { ConsoleCatalog } from "./types.js";

// Modern Standard Arabic in short, common words, as the widget's catalog.
export const ar: ConsoleCatalog = {
  "service.name": "بلّغ: لوحة عمل الخط الساخن",
  skipLink: "الانتقال إلى المحتوى الرئيسي",
  "language.label": "اللغة",
  "header.signedInAs": "تم الدخول باسم {email} ({role})",
  "nav.account": "حسابك",
  "nav.signOut": "تسجيل الخروج",

  "role.admin": "مسؤول النظام",
  "role.supervisor": "مشرف",
  "role.agent": "موظف في جهة مختصة",
  "role.auditor": "مدقق",

  "errorSummary.title": "توجد مشكلة",
  "field.errorPrefix": "خطأ:",

  "signIn.title": "تسجيل الدخول",
  "signIn.intro": "استخدم البريد الإلكتروني وكلمة المرور اللذين أعطاك إياهما مسؤول الخط الساخن.",
  "signIn.email": "البريد الإلكتروني",
  "signIn.password": "كلمة المرور",
  "signIn.submit": "متابعة",
  "signIn.failed":
    "البريد الإلكتروني أو كلمة المرور أو الرمز غير صحيح، أو كانت هناك محاولات كثيرة. انتظر بضع دقائق ثم حاول مرة أخرى.",
  "signIn.emailMissing": "أدخل بريدك الإلكتروني",
  "signIn.passwordMissing": "أدخل كلمة المرور",
  "signIn.sessionEnded": "انتهت جلستك. سجّل الدخول مرة أخرى للمتابعة.",
  "signIn.sessionEndedKept": "انتهت جلستك قبل إرسال النموذج. سجّل الدخول مرة أخرى: ما كتبته محفوظ.",
  "signIn.signedOut": "تم تسجيل خروجك.",
  "signIn.signedOutEverywhere": "تم تسجيل خروجك من كل الأجهزة.",

  "code.title": "أدخل الرمز من تطبيق المصادقة",
  "code.label": "رمز من 6 أرقام",
  "code.hint": "افتح تطبيق المصادقة على هاتفك. يتغير الرمز كل 30 ثانية.",
  "code.missing": "أدخل الرمز المكوّن من 6 أرقام",
  "code.format": "يجب أن يتكون الرمز من 6 أرقام",
  "code.submit": "تسجيل الدخول",
  "code.startAgain": "ابدأ من جديد ببريدك الإلكتروني",

  "enrol.title": "إعداد عامل التحقق الثاني",
  "enrol.intro": "في كل مرة تسجّل فيها الدخول، ستكتب أيضًا رمزًا من تطبيق على هاتفك. تقوم بإعداده مرة واحدة فقط.",
  "enrol.step1": "ثبّت تطبيق مصادقة على هاتفك، مثل Aegis أو FreeOTP أو Google Authenticator.",
  "enrol.step2": "في التطبيق، أضف حسابًا وامسح رمز QR هذا.",
  "enrol.qrLabel": "رمز QR لإعداد تطبيق المصادقة",
  "enrol.openApp": "هل التطبيق على هذا الهاتف؟ أضف الحساب إليه مباشرة",
  "enrol.manual": "إذا لم تستطع مسحه، اكتب مفتاح الإعداد هذا في التطبيق:",
  "enrol.step3": "اكتب الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق الآن.",
  "enrol.submit": "تأكيد وتسجيل الدخول",

  "home.title": "قائمة البلاغات",
  "home.whoami": "أنت مسجّل الدخول باسم {email}، {role}.",
  "home.placeholder": "ستظهر قائمة البلاغات هنا.",

  "account.title": "حسابك",
  "account.email": "البريد الإلكتروني",
  "account.role": "الدور",
  "account.secondFactor": "عامل التحقق الثاني",
  "account.secondFactorOn": "تم إعداده",
  "account.secondFactorOff": "لم يتم إعداده",
  "account.everywhereTitle": "تسجيل الخروج من كل الأجهزة",
  "account.everywhereHint":
    "هذا ينهي كل جلسات حسابك، على هذا الجهاز وعلى أي جهاز آخر. استخدمه إذا فقدت هاتفًا أو سجّلت الدخول على حاسوب مشترك.",
  "account.everywhereSubmit": "تسجيل الخروج من كل الأجهزة",

  "resume.title": "أكمل من حيث توقفت",
  "resume.body": "لقد سجّلت الدخول من جديد. ما كتبته قبل انتهاء جلستك محفوظ. تابع لإرساله.",
  "resume.submit": "متابعة",
  "resume.discard": "العودة دون إرساله",

  "continue.title": "فتح لوحة العمل",
  "continue.link": "المتابعة إلى لوحة العمل",

  "error.notFound.title": "الصفحة غير موجودة",
  "error.notFound.body": "لا يوجد شيء في هذا العنوان. تحقق من العنوان أو اذهب إلى قائمة البلاغات.",
  "error.forbidden.title": "لا يمكنك فتح هذه الصفحة",
  "error.forbidden.body": "دورك لا يسمح بالوصول إلى هذه الصفحة. اطلب ذلك من مشرف أو من مسؤول النظام إذا احتجت إليها.",
  "error.form.title": "تعذّر إرسال هذا النموذج",
  "error.form.body": "النموذج قديم أو جاء من موقع آخر. ارجع، وأعد تحميل الصفحة، ثم أرسله مرة أخرى.",
  "error.database.title": "تعذّر الوصول إلى قاعدة البيانات",
  "error.database.body": "لم يتغير شيء. حاول مرة أخرى بعد دقيقة. إذا استمرت المشكلة، أخبر الفريق التقني للخط الساخن.",
  "error.unexpected.title": "حدث خطأ",
  "error.unexpected.body": "لم يتغير شيء. حاول مرة أخرى بعد دقيقة.",
  "error.home": "الذهاب إلى قائمة البلاغات",
};
