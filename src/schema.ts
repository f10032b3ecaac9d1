/**
 * `marsad.document/1` as a schema in code (zod), for the JSON form that `marsad analyze` prints
 * (docs/schema.md). Beyond the shapes it checks what a reader relies on: every id resolves, every
 * span lies inside `text` (and a mention's `text` is its slice), dates are real calendar dates, and
 * numbers are finite (counts safe integers). Used by the tests and the fuzz suite.
 *
 *     const problems = checkDocument(toJson(doc));   // [] when valid
 */
import { z } from "zod";
import { isValidDate } from "./ingest/dates.js";

const int = z.number().int().min(0);
const nullableStr = z.string().nullable();
const date = z.string().refine(isValidDate, "not a real date as YYYY-MM-DD");
const span = { start: int, end: int };
/** English name and where it comes from (docs/english.md): on every entity, place and event party. */
const english = { name_en: z.string().min(1), name_en_source: z.enum(["list", "glossary", "romanized"]) };
const actorRef = z.object({ name: z.string(), entity: nullableStr, category: nullableStr, inter: z.number().int().nullable(), ...english }).strict();
const speaker = { name: z.string(), entity: nullableStr, type: z.enum(["person", "organisation", "anonymous"]), role: nullableStr };

const Meta = z
  .object({
    id: z.string().min(1),
    title: nullableStr,
    url: nullableStr,
    published: date.nullable(),
    author: nullableStr,
    site: nullableStr,
    dateline: z.object({ ...span, text: z.string(), place: nullableStr, outlet: nullableStr }).strict().nullable(),
    format: z.enum(["text", "html"]),
    encoding: z.string().min(1),
    arabicRatio: z.number().min(0).max(1),
    warnings: z.array(z.string()),
    source: nullableStr.optional(),
    topic: z
      .object({
        label: z.enum(["conflict", "politics", "economy", "sport", "culture", "society", "other"]),
        score: z.number().min(0).max(1),
        scores: z.object({ conflict: z.number().min(0), politics: z.number().min(0), economy: z.number().min(0), sport: z.number().min(0), culture: z.number().min(0), society: z.number().min(0) }).strict(),
        evidence: z.array(z.string()),
        conflictParagraphs: z.array(int),
      })
      .strict()
      .nullable()
      .optional(),
    genre: z.enum(["news", "opinion"]).nullable().optional(),
  })
  .strict();

const Tokens = z
  .object({ start: z.array(int), end: z.array(int), kind: z.array(z.enum(["word", "number", "latin", "url", "hashtag", "mention", "email", "punct", "symbol"])), norm: z.array(z.string()), pro: z.array(z.string()), stem: z.array(z.string()), enc: z.array(z.string()) })
  .strict();

const Entity = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(["PER", "ORG", "LOC", "FAC"]),
    canonical: nullableStr,
    ref: nullableStr,
    category: nullableStr,
    inter: z.number().int().nullable(),
    role: nullableStr,
    source: z.enum(["list", "context", "model"]),
    place: nullableStr,
    mentions: z.array(z.object({ ...span, text: z.string(), sentence: z.number().int().min(-1), rule: z.string() }).strict()),
    ...english,
  })
  .strict();

const Place = z
  .object({
    id: z.string(),
    name: z.string(),
    entity: z.string(),
    kind: z.string(),
    feature: nullableStr,
    ref: nullableStr,
    lat: z.number().min(-90).max(90).nullable(),
    lon: z.number().min(-180).max(180).nullable(),
    admin1: nullableStr,
    admin2: nullableStr,
    country: nullableStr,
    confidence: z.number().min(0).max(1),
    method: z.enum(["gazetteer", "inner", "container", "parent", "unresolved"]),
    geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
    ...english,
  })
  .strict();

const Quote = z
  .object({ id: z.string(), ...span, text: z.string(), speaker: z.object(speaker).strict(), verb: nullableStr, via: nullableStr, sentence: int, continued: z.boolean() })
  .strict();

const Claim = z
  .object({
    id: z.string(),
    ...span,
    text: z.string(),
    source: z.object({ ...speaker, kind: z.enum(["person", "organisation", "media", "agency", "official", "anonymous"]), descriptor: nullableStr }).strict(),
    verb: nullableStr,
    via: nullableStr,
    stance: z.enum(["asserted", "denied", "unconfirmed", "demanded", "warned"]),
    sentence: int,
    quote: nullableStr,
  })
  .strict();

const Event = z
  .object({
    id: z.string(),
    type: z.string(),
    acled: z.object({ disorder_type: z.string(), event_type: z.string(), sub_event_type: z.string() }).strict(),
    cameo: z.string().regex(/^\d{2,4}$/, "a CAMEO code of 2 to 4 digits").nullable(),
    actor: actorRef.nullable(),
    target: actorRef.nullable(),
    associates: z.array(actorRef),
    place: z
      .object({ name: z.string(), place: nullableStr, entity: nullableStr, lat: z.number().min(-90).max(90).nullable(), lon: z.number().min(-180).max(180).nullable(), country: nullableStr, admin1: nullableStr, ...english })
      .strict()
      .nullable(),
    date: date.nullable(),
    date_precision: nullableStr,
    date_source: z.enum(["text", "published"]).nullable(),
    date_text: nullableStr,
    date_hijri: nullableStr,
    planned_date: date.nullable(),
    time: nullableStr,
    count: z.number().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
    count_qualifier: nullableStr,
    fatalities: z.number().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
    wounded: z.number().min(0).max(Number.MAX_SAFE_INTEGER).nullable(),
    fatalities_total: z.boolean(),
    modality: z.enum(["asserted", "claimed", "denied", "negated", "planned", "threatened", "hypothetical"]),
    modality_cue: z.object({ kind: z.string(), text: z.string() }).strict().nullable(),
    happened: z.boolean(),
    background: z.boolean(),
    sources: z.array(z.object({ kind: z.enum(["claim", "quote", "outlet"]), id: nullableStr, name: z.string(), name_en: nullableStr, descriptor: nullableStr, via: nullableStr }).strict()),
    mentions: z.array(z.object({ sentence: int, ...span, trigger: z.string(), sentenceStart: int, sentenceEnd: int }).strict()),
  })
  .strict();

export const DocumentSchema = z
  .object({
    schema: z.literal("marsad.document/1"),
    meta: Meta,
    text: z.string(),
    paragraphs: z.array(z.object({ ...span, kind: z.enum(["title", "subheading", "paragraph"]) }).strict()),
    sentences: z.array(z.object({ ...span, paragraph: int, tokenStart: int, tokenEnd: int }).strict()),
    tokens: Tokens.optional(),
    entities: z.array(Entity),
    quotes: z.array(Quote),
    claims: z.array(Claim),
    places: z.array(Place),
    events: z.array(Event),
  })
  .strict();

export type DocumentJson = z.infer<typeof DocumentSchema>;

/** What the shapes cannot say: ids resolve, spans lie in the text, mention texts are their slices. */
function crossCheck(d: DocumentJson): string[] {
  const out: string[] = [];
  const n = d.text.length;
  const inText = (where: string, s: { start: number; end: number }): void => {
    if (!(s.start <= s.end && s.end <= n)) out.push(`${where}: span ${s.start}-${s.end} outside the text (length ${n})`);
  };
  const ids = (list: Array<{ id: string }>, where: string): Set<string> => {
    const set = new Set(list.map((x) => x.id));
    if (set.size !== list.length) out.push(`${where}: duplicate ids`);
    return set;
  };
  const entities = ids(d.entities, "entities"), places = ids(d.places, "places"), quotes = ids(d.quotes, "quotes"), claims = ids(d.claims, "claims");
  ids(d.events, "events");
  const ent = (where: string, id: string | null): void => void (id !== null && !entities.has(id) && out.push(`${where}: entity ${id} does not exist`));
  const sentence = (where: string, k: number): void => void (k >= d.sentences.length && out.push(`${where}: sentence ${k} does not exist`));
  if (d.meta.dateline) inText("meta.dateline", d.meta.dateline);
  d.paragraphs.forEach((p, k) => inText(`paragraphs[${k}]`, p));
  const tokenCount = d.tokens?.start.length;
  if (d.tokens) {
    const t = d.tokens;
    if (![t.end, t.kind, t.norm, t.pro, t.stem, t.enc].every((c) => c.length === tokenCount)) out.push("tokens: columns of different lengths");
    for (let i = 0; i < t.start.length; i++) if (!(t.start[i] <= t.end[i] && t.end[i] <= n)) out.push(`tokens[${i}]: span outside the text`);
  }
  d.sentences.forEach((s, k) => {
    inText(`sentences[${k}]`, s);
    if (s.paragraph >= d.paragraphs.length) out.push(`sentences[${k}]: paragraph ${s.paragraph} does not exist`);
    if (s.tokenStart > s.tokenEnd || (tokenCount !== undefined && s.tokenEnd > tokenCount)) out.push(`sentences[${k}]: token range ${s.tokenStart}-${s.tokenEnd} is wrong`);
  });
  d.entities.forEach((e, k) => {
    if (e.place !== null && !places.has(e.place)) out.push(`entities[${k}]: place ${e.place} does not exist`);
    e.mentions.forEach((m, j) => {
      inText(`entities[${k}].mentions[${j}]`, m);
      if (d.text.slice(m.start, m.end) !== m.text) out.push(`entities[${k}].mentions[${j}]: text is not the slice it points to`);
      if (m.sentence >= d.sentences.length) out.push(`entities[${k}].mentions[${j}]: sentence ${m.sentence} does not exist`);
    });
  });
  d.places.forEach((p, k) => void (!entities.has(p.entity) && out.push(`places[${k}]: entity ${p.entity} does not exist`)));
  d.quotes.forEach((q, k) => {
    inText(`quotes[${k}]`, q);
    ent(`quotes[${k}].speaker`, q.speaker.entity);
    sentence(`quotes[${k}]`, q.sentence);
  });
  d.claims.forEach((c, k) => {
    inText(`claims[${k}]`, c);
    ent(`claims[${k}].source`, c.source.entity);
    sentence(`claims[${k}]`, c.sentence);
    if (c.quote !== null && !quotes.has(c.quote)) out.push(`claims[${k}]: quote ${c.quote} does not exist`);
  });
  d.events.forEach((v, k) => {
    ent(`events[${k}].actor`, v.actor?.entity ?? null);
    ent(`events[${k}].target`, v.target?.entity ?? null);
    ent(`events[${k}].place`, v.place?.entity ?? null);
    if (v.place?.place && !places.has(v.place.place)) out.push(`events[${k}].place: place ${v.place.place} does not exist`);
    v.sources.forEach((s, j) => {
      const known = s.kind === "claim" ? claims : s.kind === "quote" ? quotes : null;
      if (known && (s.id === null || !known.has(s.id))) out.push(`events[${k}].sources[${j}]: ${s.kind} ${s.id} does not exist`);
    });
    v.mentions.forEach((m, j) => {
      inText(`events[${k}].mentions[${j}]`, m);
      inText(`events[${k}].mentions[${j}] sentence`, { start: m.sentenceStart, end: m.sentenceEnd });
      sentence(`events[${k}].mentions[${j}]`, m.sentence);
    });
  });
  return out;
}

/** Every problem with a document's JSON form, one line each; [] when it is valid `marsad.document/1`. */
export function checkDocument(json: unknown): string[] {
  const r = DocumentSchema.safeParse(json);
  if (!r.success) return r.error.issues.slice(0, 20).map((i) => `${i.path.join(".") || "document"}: ${i.message}`);
  return crossCheck(r.data);
}
