/** The events stage: coded, placed, dated, counted and sourced events. Public face of src/events. */
import type { Event, EventActor, MarsadDocument } from "../document.js";
import { workEntities, type WorkEntity } from "../entities/index.js";
import type { Stage } from "../pipeline.js";
import { extractEvents, type ExtractResources, type RawEvent } from "./extract.js";
import { happenedWith } from "./factuality.js";
import { bestOf, mergeEvents } from "./merge.js";
import { timingOf } from "./timing.js";

export { loadFactualityLexicon, type FactualityLexicon } from "./factuality.js";
export { loadSenseLexicon, type SenseLexicon } from "./sense.js";
import { categoryOf, interOf } from "./roles.js";
import { articleOutlet, ReportIndex, type OutletTable } from "./sources.js";

export { loadOutlets, type OutletTable } from "./sources.js";
export { loadRoleWords } from "./roles.js";
export { loadGroundObjects, loadPlaceMarkers } from "./event-places.js";
export { loadGenericHeads } from "./actors.js";
export { loadEventLexicon, EVENT_TYPES, type EventLexicon, type EventType } from "./lexicon.js";

export interface EventResources {
  eventExtraction: ExtractResources;
  outlets: OutletTable;
}


function actorOut(a: RawEvent["actor"], entities: WorkEntity[], given: string | null = null): EventActor | null {
  if (!a) return null;
  const e = a.entity && entities.includes(a.entity) ? a.entity : null;
  const category = e?.category ?? given;
  // a listed or found organisation is named as the article names it in full ("التحالف" for "مقاتلات
  // التحالف"); a force phrase ("الفصائل المسلحة", "القوات الموالية لـ…") as written
  const name = e && !a.name.includes(" لل") && !/\sل/.test(a.name) && !/(الموالي|التابع|المدعوم)/.test(a.name) ? e.name : a.name;
  return { name, entity: e?.id ?? null, category, inter: interOf(category) };
}

export const eventsStage: Stage<EventResources> = {
  name: "events",
  requires: ["entities", "places", "quotes", "claims", "topic"],
  provides: ["events"],
  run(doc: MarsadDocument, res: EventResources): void {
    const entities = workEntities(doc);
    const reports = new ReportIndex(doc);
    const raw = extractEvents(doc, entities, res.eventExtraction, reports);
    const outlet = articleOutlet(doc, res.outlets);
    const placeById = new Map(doc.places.map((p) => [p.id, p]));
    const reporting = new Set(raw.flatMap((e) => (e.claim ? [e.claim.id] : [])));
    doc.events = mergeEvents(raw).map((group, k): Event => {
      const first = group[0];
      const best = bestOf(group);
      const info = res.eventExtraction.events.types.get(first.type)!;
      const placeEntity = first.place;
      const place = placeEntity?.place ? placeById.get(placeEntity.place) : undefined;
      const when = timingOf(best.date, doc.meta.published);
      // a date after the article: the event is planned for it
      const modality = when.future && happenedWith(best.modality) ? "planned" : best.modality;
      const modalityCue = when.future && happenedWith(best.modality) ? { kind: "future_date", text: doc.text.slice(doc.tokens[best.date!.start].start, doc.tokens[best.date!.end - 1].end) } : best.modalityCue;
      const sources = reports.sources(group, outlet, reporting);
      return {
        id: `v${k + 1}`,
        type: first.type,
        acled: { disorder_type: info.disorderType, event_type: info.eventType, sub_event_type: info.subEventType },
        cameo: info.cameo,
        actor: actorOut(best.actor, entities, best.actor ? categoryOf(doc.tokens, best.actor, res.eventExtraction.roles) : null),
        target: best.target ? actorOut(best.target, entities, best.target.category) : null,
        associates: best.associates.map((a) => actorOut(a, entities)!),
        place: placeEntity ? { name: placeEntity.name, place: place?.id ?? null, entity: placeEntity.id, lat: place?.lat ?? null, lon: place?.lon ?? null, country: place?.country ?? null, admin1: place?.admin1 ?? null } : null,
        date: when.date,
        date_precision: when.precision,
        date_source: when.source,
        date_text: best.date ? doc.text.slice(doc.tokens[best.date.start].start, doc.tokens[best.date.end - 1].end) : null,
        date_hijri: best.date?.hijri ?? null,
        planned_date: when.future,
        time: best.date?.time ?? null,
        count: best.count?.value ?? null,
        count_qualifier: best.count?.qualifier ?? null,
        fatalities: best.fatalities?.value ?? null,
        wounded: best.wounded?.value ?? null,
        fatalities_total: best.tollShared,
        modality,
        modality_cue: modalityCue,
        happened: happenedWith(modality),
        background: best.background || when.background,
        sources,
        mentions: group.map((e) => {
          const s = doc.sentences[e.sentence];
          return { sentence: e.sentence, start: e.trigger.start, end: e.trigger.end, trigger: e.trigger.text, sentenceStart: s.start, sentenceEnd: s.end };
        }),
      };
    });
  },
};
