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
  corroboration: { ar: "مصادر مستقلة", en: "independent sources" },
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
  asserted: { ar: "مؤكد", en: "reported" },
  analysis: { ar: "تحليل", en: "Analysis" },
} as const;

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
export const t = (key: keyof typeof LABELS): string => LABELS[key][lang];
export const typeLabel = (type: string): string => TYPE_LABELS[type]?.[lang] ?? type;
/** A name in the reader's language: in English its English name where the server gives one, else as written. */
export const nameIn = (written: string | null | undefined, english: string | null | undefined): string | null => (lang === "en" && english ? english : (written ?? null));

/** Applies the labels to every element marked data-i18n / data-i18n-placeholder. */
export function applyLabels(root: ParentNode = document): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  root.querySelectorAll<HTMLElement>("[data-i18n]").forEach((el) => (el.textContent = t(el.dataset.i18n as keyof typeof LABELS)));
  root.querySelectorAll<HTMLInputElement>("[data-i18n-placeholder]").forEach((el) => (el.placeholder = t(el.dataset.i18nPlaceholder as keyof typeof LABELS)));
}

export function toggleLang(): Lang {
  lang = lang === "ar" ? "en" : "ar";
  localStorage.setItem("marsad.lang", lang);
  return lang;
}
