/**
 * English for readers who do not read Arabic: English names of places and actors (listed, glossed or
 * romanised, and saying which), ACLED-style English notes, and country codes with ACLED regions.
 * Public face of src/english (docs/english.md).
 *
 *   const en = loadEnglish(gazetteer, actors);
 *   en.names.place("ye.sanaa", "صنعاء")  // → { name: "Sanaa", source: "list" }
 *   en.note({ type: "airstrike", … })    // → "On 20 July 2015, …"
 */
import type { ActorIndex } from "../entities/actors.js";
import type { Gazetteer } from "../geo/gazetteer.js";
import { loadEnglishLexicon, type CountryCodes } from "./lexicon.js";
import { EnglishNames } from "./names.js";
import { englishNote, loadNoteTemplates, type NoteFields } from "./notes.js";

export { EnglishNames, type EnglishName, type EnglishSource } from "./names.js";
export { Romanizer } from "./romanize.js";
export { englishStage, type EnglishResources } from "./stage.js";
export { englishDate, type NoteFields } from "./notes.js";
export { loadEnglishLexicon, type CountryCodes } from "./lexicon.js";

export interface English {
  names: EnglishNames;
  note(fields: NoteFields): string;
  /** ISO codes and ACLED region of a country (ISO 3166-1 alpha-2), or null when not listed. */
  country(iso2: string | null): CountryCodes | null;
}

export function loadEnglish(gazetteer: Gazetteer, actors: ActorIndex): English {
  const lex = loadEnglishLexicon();
  const templates = loadNoteTemplates();
  const names = new EnglishNames(lex, gazetteer, actors);
  return {
    names,
    note: (f) => englishNote(f, templates),
    country: (iso2) => (iso2 ? lex.countries.get(iso2.toUpperCase()) ?? null : null),
  };
}
