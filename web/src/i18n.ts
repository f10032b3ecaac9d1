/** Interface labels in Arabic (the default, right to left) and English. Article text is never translated. */
export type Lang = "ar" | "en";

const LABELS = {
  appName: { ar: "مرصد", en: "Marsad" },
  actor: { ar: "الفاعل", en: "Actor" },
  place: { ar: "المكان", en: "Place" },
  search: { ar: "بحث في النصوص", en: "Search the texts" },
  control: { ar: "السيطرة", en: "Control" },
  paste: { ar: "الصق مقالا", en: "Paste an article" },
  pasteTitle: { ar: "حلل مقالا", en: "Analyse an article" },
  pasteHint: { ar: "الصق نص الخبر هنا…", en: "Paste the article's text here…" },
  published: { ar: "تاريخ النشر", en: "Published" },
  analyze: { ar: "حلل", en: "Analyse" },
  cancel: { ar: "إلغاء", en: "Cancel" },
  events: { ar: "حدث", en: "events" },
  reports: { ar: "تقارير", en: "reports" },
  corroboration: { ar: "وسائل إعلام مختلفة", en: "distinct outlets" },
  fatalities: { ar: "قتلى", en: "fatalities" },
  count: { ar: "العدد", en: "count" },
  date: { ar: "التاريخ", en: "date" },
  openArticle: { ar: "افتح المقال", en: "Open the article" },
  back: { ar: "رجوع", en: "Back" },
  loading: { ar: "جار التحميل…", en: "Loading…" },
  noEvents: { ar: "لا أحداث بهذه الشروط", en: "No events match" },
  legend: { ar: "المفتاح", en: "Legend" },
  person: { ar: "شخص", en: "person" },
  organisation: { ar: "جهة", en: "organisation" },
  location: { ar: "مكان", en: "place" },
  facility: { ar: "منشأة", en: "facility" },
  quote: { ar: "اقتباس", en: "quote" },
  claim: { ar: "ادعاء", en: "claim" },
  trigger: { ar: "حدث", en: "event" },
  heldBy: { ar: "تحت سيطرة", en: "held by" },
  unknown: { ar: "غير معروف", en: "unknown" },
  clearDates: { ar: "كل التواريخ", en: "All dates" },
  denied: { ar: "منفي", en: "denied" },
  claimed: { ar: "وفق مصدر", en: "claimed" },
  asserted: { ar: "وارد في التقرير", en: "reported" },
  analysis: { ar: "تحليل", en: "Analysis" },
  from: { ar: "من", en: "From" },
  to: { ar: "إلى", en: "To" },
  zoomIn: { ar: "تكبير الخط الزمني", en: "Zoom the timeline in" },
  zoomOut: { ar: "تصغير الخط الزمني", en: "Zoom the timeline out" },
  wholePeriod: { ar: "كامل الفترة", en: "Whole period" },
  coverage: { ar: "تغطي البيانات", en: "Data covers" },
  timeline: { ar: "الخط الزمني", en: "Timeline" },
  filters: { ar: "عوامل التصفية", en: "Filters" },
  country: { ar: "البلد", en: "Country" },
  allCountries: { ar: "كل البلدان", en: "All countries" },
  admin1: { ar: "المحافظة", en: "Governorate" },
  allAdmin1: { ar: "كل المحافظات", en: "All governorates" },
  type: { ar: "النوع", en: "Type" },
  minFatalities: { ar: "قتلى على الأقل", en: "Fatalities at least" },
  source: { ar: "المصدر (الوسيلة)", en: "Source (outlet)" },
  followMap: { ar: "ما يظهر في الخريطة فقط", en: "Only what the map shows" },
  previous: { ar: "السابق", en: "Previous" },
  next: { ar: "التالي", en: "Next" },
  of: { ar: "من", en: "of" },
  exportAs: { ar: "تصدير", en: "Export" },
  reportedBy: { ar: "أوردته", en: "Reported by" },
  outlets: { ar: "وسائل إعلام", en: "outlets" },
  outlet1: { ar: "وسيلة إعلام واحدة", en: "one outlet" },
  accordingTo: { ar: "بحسب", en: "According to" },
  via: { ar: "عبر", en: "via" },
  quotes: { ar: "الاقتباسات", en: "Quotes" },
  quotesAbout: { ar: "من يُقتبس أكثر", en: "Who is quoted most" },
  quotedBy: { ar: "من يقتبس عنه", en: "Who quotes them" },
  theyQuote: { ar: "من يقتبس هو", en: "Whom they quote" },
  places: { ar: "الأماكن", en: "Places" },
  eventsOverTime: { ar: "الأحداث عبر الزمن", en: "Events over time" },
  controlChanges: { ar: "تغيرات السيطرة", en: "Changes of control" },
  skipToList: { ar: "انتقل إلى قائمة الأحداث", en: "Skip to the event list" },
  bySpeaker: { ar: "حسب المتحدث", en: "By speaker" },
  byPlace: { ar: "حسب المكان", en: "By place" },
  articles: { ar: "مقالات", en: "Articles" },
  eventsOfActor: { ar: "أحداث هذا الفاعل", en: "This actor's events" },
  eventsOfPlace: { ar: "أحداث هذا المكان", en: "This place's events" },
  tiles: { ar: "خريطة الشوارع (من الإنترنت)", en: "Street map (online)" },
  copyLink: { ar: "نسخ الرابط", en: "Copy link" },
  noQuotes: { ar: "لا اقتباسات", en: "No quotes" },
  nothingFound: { ar: "لا نتائج", en: "Nothing found" },
  map: { ar: "الخريطة", en: "Map" },
  eventList: { ar: "قائمة الأحداث", en: "Event list" },
  speaker: { ar: "المتحدث", en: "Speaker" },
  times: { ar: "مرة", en: "times" },
  notFound: { ar: "غير موجود", en: "Not found" },
  withdrawal: { ar: "انسحاب", en: "withdrawal:" },
} as const;

export type LabelKey = keyof typeof LABELS;

export const TYPE_LABELS: Record<string, { ar: string; en: string; color: string }> = {
  seize_control: { ar: "سيطرة", en: "Takes control", color: "#c0392b" },
  advance: { ar: "تقدم", en: "Advance", color: "#e67e22" },
  withdraw: { ar: "انسحاب", en: "Withdrawal", color: "#8e44ad" },
  armed_clash: { ar: "اشتباكات", en: "Armed clash", color: "#d35400" },
  airstrike: { ar: "غارة جوية", en: "Airstrike", color: "#2c3e50" },
  shelling: { ar: "قصف", en: "Shelling", color: "#7f8c8d" },
  explosion: { ar: "تفجير", en: "Explosion", color: "#e74c3c" },
  attack_civilians: { ar: "اعتداء على مدنيين", en: "Attack on civilians", color: "#9b1b30" },
  arrest: { ar: "اعتقال", en: "Arrests", color: "#2980b9" },
  abduction: { ar: "اختطاف", en: "Abduction", color: "#16a085" },
  release_detainees: { ar: "إطلاق سراح", en: "Release", color: "#27ae60" },
  protest: { ar: "احتجاج", en: "Protest", color: "#f1c40f" },
  agreement: { ar: "اتفاق", en: "Agreement", color: "#1abc9c" },
  displacement: { ar: "نزوح", en: "Displacement", color: "#95a5a6" },
};

let lang: Lang = (localStorage.getItem("marsad.lang") as Lang | null) ?? "ar";

export const currentLang = (): Lang => lang;
export const t = (key: LabelKey): string => LABELS[key][lang];
export const typeLabel = (type: string): string => TYPE_LABELS[type]?.[lang] ?? type;
/** A name in the reader's language: in English its English name where the server gives one, else as written. */
export const nameIn = (written: string | null | undefined, english: string | null | undefined): string | null => (lang === "en" && english ? english : (written ?? null));

/** Applies the labels to every element marked data-i18n / data-i18n-placeholder. */
export function applyLabels(root: ParentNode = document): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  root.querySelectorAll<HTMLElement>("[data-i18n]").forEach((el) => (el.textContent = t(el.dataset.i18n as LabelKey)));
  root.querySelectorAll<HTMLInputElement>("[data-i18n-placeholder]").forEach((el) => (el.placeholder = t(el.dataset.i18nPlaceholder as LabelKey)));
  root.querySelectorAll<HTMLElement>("[data-i18n-label]").forEach((el) => el.setAttribute("aria-label", t(el.dataset.i18nLabel as LabelKey)));
}

export function toggleLang(): Lang {
  lang = lang === "ar" ? "en" : "ar";
  localStorage.setItem("marsad.lang", lang);
  return lang;
}
