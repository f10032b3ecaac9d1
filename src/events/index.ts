/** The events stage: coded, placed, dated, counted and sourced events. Public face of src/events. */
import type { Event, EventActor, EventSource, MarsadDocument } from "../document.js";
import { INTER } from "../entities/coref.js";
import { workEntities, type WorkEntity } from "../entities/index.js";
import type { Stage } from "../pipeline.js";
import { extractEvents, type ExtractResources, type RawEvent } from "./extract.js";
import { bestOf, mergeEvents } from "./merge.js";

export { loadEventLexicon, EVENT_TYPES, type EventLexicon, type EventType } from "./lexicon.js";

export interface EventResources {
  eventExtraction: ExtractResources;
}

const UNREALISED = new Set(["denied", "negated", "planned", "threatened", "hypothetical"]);

function actorOut(a: RawEvent["actor"], entities: WorkEntity[]): EventActor | null {
  if (!a) return null;
  const e = a.entity && entities.includes(a.entity) ? a.entity : null;
  const category = e?.category ?? null;
  // a listed or found organisation is named as the article names it in full ("التحالف" for "مقاتلات
  // التحالف"); a force phrase ("الفصائل المسلحة", "القوات الموالية لـ…") as written
  const name = e && !a.name.includes(" لل") && !/\sل/.test(a.name) && !/(الموالي|التابع|المدعوم)/.test(a.name) ? e.name : a.name;
  return { name, entity: e?.id ?? null, category, inter: category ? (INTER[category] ?? null) : null };
}

export const eventsStage: Stage<EventResources> = {
  name: "events",
  requires: ["entities", "places", "quotes", "claims"],
  provides: ["events"],
  run(doc: MarsadDocument, res: EventResources): void {
    const entities = workEntities(doc);
    const raw = extractEvents(doc, entities, res.eventExtraction);
    const outlet = doc.meta.dateline?.outlet ?? doc.meta.site ?? null;
    const placeById = new Map(doc.places.map((p) => [p.id, p]));
    doc.events = mergeEvents(raw).map((group, k): Event => {
      const first = group[0];
      const best = bestOf(group);
      const info = res.eventExtraction.events.types.get(first.type)!;
      const placeEntity = first.place;
      const place = placeEntity?.place ? placeById.get(placeEntity.place) : undefined;
      const modality = best.modality;
      const sources: EventSource[] = [...new Map(group.filter((e) => e.claim).map((e) => [e.claim!.id, { kind: "claim" as const, id: e.claim!.id, name: e.claim!.source.name }])).values()];
      if (!sources.length && outlet) sources.push({ kind: "outlet", id: null, name: outlet });
      return {
        id: `v${k + 1}`,
        type: first.type,
        acled: { disorder_type: info.disorderType, event_type: info.eventType, sub_event_type: info.subEventType },
        cameo: info.cameo,
        actor: actorOut(best.actor, entities),
        target: null,
        place: placeEntity ? { name: placeEntity.name, place: place?.id ?? null, entity: placeEntity.id, lat: place?.lat ?? null, lon: place?.lon ?? null, country: place?.country ?? null, admin1: place?.admin1 ?? null } : null,
        date: best.date?.date ?? doc.meta.published,
        date_precision: best.date?.date ? best.date.precision : doc.meta.published ? "published" : null,
        time: best.date?.time ?? null,
        count: best.count?.value ?? null,
        count_qualifier: best.count?.qualifier ?? null,
        fatalities: best.fatalities,
        modality,
        happened: !UNREALISED.has(modality),
        background: best.background,
        sources,
        mentions: group.map((e) => {
          const s = doc.sentences[e.sentence];
          return { sentence: e.sentence, start: e.trigger.start, end: e.trigger.end, trigger: e.trigger.text, sentenceStart: s.start, sentenceEnd: s.end };
        }),
      };
    });
  },
};
