/**
 * One happening, many reports: an event joins the story of the same type whose place is the same
 * (gazetteer id, or within 25 km, or the same name), whose dates lie within three days, and whose
 * actor is compatible (the same listed actor, a shared word, or one unknown). A story counts its
 * reports and its corroboration — distinct outlets (an article of no known outlet counting as its own; a syndicated copy adding none) —
 * and keeps every report, so conflicting claims stay side by side.
 */
import type { EventRow } from "../batch/record.js";
import { km } from "../geo/gazetteer.js";
import type { Db } from "./db.js";

/** Reports this many days apart may still describe one happening. */
export const STORY_WINDOW_DAYS = 3;
/** Places this close are one place for a story. */
export const STORY_RADIUS_KM = 25;

interface StoryRow {
  id: number;
  place_ref: string | null;
  place_name: string | null;
  lat: number | null;
  lon: number | null;
  actor_ref: string | null;
  actor_name: string | null;
  date_first: string | null;
  date_last: string | null;
}

const DAY = 86_400_000;
const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const words = (s: string | null): Set<string> => new Set((s ?? "").split(/\s+/).map((w) => w.replace(/^(و|ال|وال|بال|لل)/, "")).filter((w) => w.length > 2));

export function compatibleActor(a: { ref: string | null; name: string | null }, b: { ref: string | null; name: string | null }): boolean {
  if (!a.name || !b.name) return true;
  if (a.ref && b.ref) return a.ref === b.ref;
  const wa = words(a.name);
  return [...words(b.name)].some((w) => wa.has(w));
}

function samePlace(e: EventRow, s: StoryRow): boolean {
  if (e.placeRef && s.place_ref) return e.placeRef === s.place_ref || near(e, s);
  if (near(e, s)) return true;
  return !!e.placeName && e.placeName === s.place_name;
}

const near = (e: EventRow, s: StoryRow): boolean => e.lat !== null && e.lon !== null && s.lat !== null && s.lon !== null && km({ lat: e.lat, lon: e.lon }, { lat: s.lat, lon: s.lon }) <= STORY_RADIUS_KM;

export class StoryIndex {
  private readonly find;
  private readonly create;
  private readonly update;
  private readonly addOrigin;
  private readonly addOutlet;

  constructor(db: Db) {
    this.find = db.prepare("SELECT id, place_ref, place_name, lat, lon, actor_ref, actor_name, date_first, date_last FROM stories WHERE type = ? AND date_first <= ? AND date_last >= ?");
    this.create = db.prepare(`INSERT INTO stories (type, place_name, place_ref, lat, lon, country, country_name, admin1, admin2, actor_name, actor_ref, actor_inter, date_first, date_last, first_seen, reports, corroboration, fatalities)
      VALUES (@type, @placeName, @placeRef, @lat, @lon, @country, @countryName, @admin1, @admin2, @actorName, @actorRef, @actorInter, @date, @date, @firstSeen, 0, 0, @fatalities)`);
    this.update = db.prepare(`UPDATE stories SET reports = reports + 1, corroboration = corroboration + @newOrigin,
      date_first = min(coalesce(date_first, @date), coalesce(@date, date_first)), date_last = max(coalesce(date_last, @date), coalesce(@date, date_last)),
      fatalities = max(coalesce(fatalities, 0), coalesce(@fatalities, 0)),
      actor_name = coalesce(actor_name, @actorName), actor_ref = coalesce(actor_ref, @actorRef), actor_inter = coalesce(actor_inter, @actorInter),
      lat = coalesce(lat, @lat), lon = coalesce(lon, @lon), place_ref = coalesce(place_ref, @placeRef) WHERE id = @id`);
    this.addOrigin = db.prepare("INSERT OR IGNORE INTO story_origins (story_id, origin) VALUES (?, ?)");
    this.addOutlet = db.prepare("INSERT OR IGNORE INTO story_outlets (story_id, outlet) VALUES (?, ?)");
  }

  /** The story the event joins (created when none fits); returns its id. */
  assign(e: EventRow, at: { articleId: number; origin: number; outlet: string | null; firstSeen: string; published: string | null }): number {
    const date = e.date ?? at.published;
    let story: StoryRow | undefined;
    if (date && e.placeName) {
      const rows = this.find.all(e.type, shift(date, STORY_WINDOW_DAYS), shift(date, -STORY_WINDOW_DAYS)) as StoryRow[];
      story = rows.find((s) => samePlace(e, s) && compatibleActor({ ref: e.actorRef, name: e.actorName }, { ref: s.actor_ref, name: s.actor_name }));
    }
    const id = story ? story.id : Number(this.create.run({ ...e, date, firstSeen: at.firstSeen }).lastInsertRowid);
    this.addOrigin.run(id, at.origin);
    // a copy (its origin is another article) corroborates nothing; an article of no known outlet counts alone
    const newOrigin = at.origin !== at.articleId ? 0 : this.addOutlet.run(id, at.outlet ?? `article:${at.articleId}`).changes;
    this.update.run({ ...e, id, date, newOrigin });
    return id;
  }
}
