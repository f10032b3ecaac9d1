/**
 * The english stage: an English name on every entity, place, event actor, target, associate and event
 * place of a document (`name_en`, with `name_en_source`: list, glossary or romanized; docs/english.md).
 * Names repeat across articles, so EnglishNames remembers its answers and this stage stays cheap.
 */
import type { EventActor, MarsadDocument } from "../document.js";
import type { Stage } from "../pipeline.js";
import type { EnglishName, EnglishNames } from "./names.js";

export interface EnglishResources {
  englishNames: EnglishNames;
}

type Named = { name: string; name_en?: string; name_en_source?: EnglishName["source"] };

/** Sets the English name; an empty answer (a name of no letters) keeps the name as written. */
function give(x: Named, en: EnglishName | null): void {
  x.name_en = en?.name || x.name;
  x.name_en_source = en?.source ?? "romanized";
}

export const englishStage: Stage<EnglishResources> = {
  name: "english",
  requires: ["entities", "places", "events"],
  provides: ["english"],
  run(doc: MarsadDocument, { englishNames: names }: EnglishResources): void {
    const placeRef = new Map<string, string | null>();
    for (const p of doc.places) {
      placeRef.set(p.id, p.ref);
      give(p, names.place(p.ref, p.name));
    }
    const refOf = new Map<string, string | null>();
    for (const e of doc.entities) {
      refOf.set(e.id, e.ref);
      // a place entity is listed through its geocoded place when the recogniser gave it no id
      if (e.type === "LOC" || e.type === "FAC") give(e, names.place(e.ref ?? (e.place ? (placeRef.get(e.place) ?? null) : null), e.name));
      else give(e, names.actor(e.ref, e.name));
    }
    // as the store does: an actor takes its entity's record, even when written longer ("قوات X")
    const actor = (a: EventActor | null): void => void (a && give(a, names.actor(a.entity ? (refOf.get(a.entity) ?? null) : null, a.name)));
    for (const v of doc.events) {
      actor(v.actor);
      actor(v.target);
      v.associates.forEach(actor);
      if (v.place) give(v.place, names.place(v.place.place ? (placeRef.get(v.place.place) ?? null) : null, v.place.name));
    }
  },
};
