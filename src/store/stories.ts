/**
 * One happening, many reports: an event joins the story of the same type whose place is the same
 * (gazetteer id, or within 25 km, or the same name), whose dates lie within three days, and whose
 * actor is compatible (the same listed actor, a shared word, or one unknown). A story counts its
 * reports and its corroboration — distinct outlets (an article of no known outlet counting as its own; a syndicated copy adding none) —
 * and keeps every report, so conflicting claims stay side by side.
 */
import type { EventRow } from "../batch/record.js";
import { km } from "../geo/gazetteer.js";

/** Reports this many days apart may still describe one happening. */
export const STORY_WINDOW_DAYS = 3;
/** Places this close are one place for a story. */
export const STORY_RADIUS_KM = 25;

/** What a story must show to be matched: its place, actor and dates. */
export interface StoryMatch {
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
/** A YYYY-MM-DD date moved by so many days. */
export const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const words = (s: string | null): Set<string> => new Set((s ?? "").split(/\s+/).map((w) => w.replace(/^(و|ال|وال|بال|لل)/, "")).filter((w) => w.length > 2));

export function compatibleActor(a: { ref: string | null; name: string | null }, b: { ref: string | null; name: string | null }): boolean {
  if (!a.name || !b.name) return true;
  if (a.ref && b.ref) return a.ref === b.ref;
  const wa = words(a.name);
  return [...words(b.name)].some((w) => wa.has(w));
}

function samePlace(e: EventRow, s: StoryMatch): boolean {
  if (e.placeRef && s.place_ref) return e.placeRef === s.place_ref || near(e, s);
  if (near(e, s)) return true;
  return !!e.placeName && e.placeName === s.place_name;
}

const near = (e: EventRow, s: StoryMatch): boolean => e.lat !== null && e.lon !== null && s.lat !== null && s.lon !== null && km({ lat: e.lat, lon: e.lon }, { lat: s.lat, lon: s.lon }) <= STORY_RADIUS_KM;

/** The story among candidates (same type, dates within the window) that the event joins, if any. */
export function matchStory<S extends StoryMatch>(e: EventRow, candidates: S[]): S | undefined {
  return candidates.find((s) => samePlace(e, s) && compatibleActor({ ref: e.actorRef, name: e.actorName }, { ref: s.actor_ref, name: s.actor_name }));
}

/** The date an event is placed at for its story: its own, or its article's. */
export const storyDate = (e: EventRow, published: string | null): string | null => e.date ?? published;

const least = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);
const greatest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);

/** A story's running totals, as the writers and the re-merge pass keep them in memory. */
export interface StoryTotals extends StoryMatch {
  actor_inter: number | null;
  reports: number;
  corroboration: number;
  fatalities: number | null;
  outlets: Set<string>;
}

/** A story as the stories table holds it, with the outlets counted so far. */
export interface StoryState extends StoryTotals {
  type: string;
  country: string | null;
  country_name: string | null;
  admin1: string | null;
  admin2: string | null;
  first_seen: string;
}

/**
 * What one report adds to its story: its outlet (when the article is an original, not a copy, and the
 * outlet is new: an article of no known outlet counts alone), its date, its toll, and the actor and point
 * the story lacked. Returns the outlet it added, or null.
 */
export function addReport(story: StoryTotals, e: EventRow, date: string | null, at: { articleId: number; origin: number; outlet: string | null }): string | null {
  let added: string | null = null;
  if (at.origin === at.articleId) {
    const outlet = at.outlet ?? `article:${at.articleId}`;
    if (!story.outlets.has(outlet)) {
      story.outlets.add(outlet);
      story.corroboration++;
      added = outlet;
    }
  }
  story.reports++;
  story.date_first = least(story.date_first ?? date, date ?? story.date_first);
  story.date_last = greatest(story.date_last ?? date, date ?? story.date_last);
  story.fatalities = Math.max(story.fatalities ?? 0, e.fatalities ?? 0);
  story.actor_name ??= e.actorName;
  story.actor_ref ??= e.actorRef;
  story.actor_inter ??= e.actorInter;
  story.lat ??= e.lat;
  story.lon ??= e.lon;
  story.place_ref ??= e.placeRef;
  return added;
}
