/**
 * Story merging in SQLite: one writer at a time (SQLite's own lock), so the candidates read are all
 * the stories there are. Which story an event joins: ../stories.ts.
 */
import type { EventRow } from "../../batch/record.js";
import { matchStory, shift, storyDate, STORY_WINDOW_DAYS, type StoryMatch } from "../stories.js";
import type { Db } from "./db.js";

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
    const date = storyDate(e, at.published);
    let story: StoryMatch | undefined;
    if (date && e.placeName) {
      story = matchStory(e, this.find.all(e.type, shift(date, STORY_WINDOW_DAYS), shift(date, -STORY_WINDOW_DAYS)) as StoryMatch[]);
    }
    const id = story ? story.id : Number(this.create.run({ ...e, date, firstSeen: at.firstSeen }).lastInsertRowid);
    this.addOrigin.run(id, at.origin);
    // a copy (its origin is another article) corroborates nothing; an article of no known outlet counts alone
    const newOrigin = at.origin !== at.articleId ? 0 : this.addOutlet.run(id, at.outlet ?? `article:${at.articleId}`).changes;
    this.update.run({ ...e, id, date, newOrigin });
    return id;
  }
}
