/**
 * The actors list: armies, security services, armed groups, militias, parties, governments, agencies,
 * media outlets and well-known people (data/actors/*.tsv, format: data/README.md), indexed by the
 * matching keys of every name and alias.
 */
import { dataPath } from "../data-dir.js";
import { nameKeys } from "../text/keys.js";
import { KeyTrie } from "../util/trie.js";
import { multi, readTsvDir } from "../util/tsv.js";

export const ACTOR_COLUMNS = ["id", "type", "category", "subtype", "name_ar", "aliases_ar", "name_en", "country", "affiliation", "role_ar"] as const;

export type ActorCategory =
  | "state_forces" | "rebel_group" | "political_militia" | "identity_militia" | "external_force" | "government"
  | "political_party" | "international" | "media" | "ngo" | "civilians" | "company" | "religious" | "other";

export interface Actor {
  id: string;
  type: "ORG" | "PER";
  category: ActorCategory;
  subtype: string;
  name: string;
  aliases: string[];
  nameEn: string;
  country: string;
  affiliation: string;
  role: string;
}

export class ActorIndex {
  readonly byId = new Map<string, Actor>();
  readonly names = new KeyTrie<Actor>();

  static load(): ActorIndex {
    const idx = new ActorIndex();
    for (const r of readTsvDir(dataPath("actors"), ACTOR_COLUMNS)) {
      const a: Actor = {
        id: r.id,
        type: r.type === "PER" ? "PER" : "ORG",
        category: r.category as ActorCategory,
        subtype: r.subtype,
        name: r.name_ar,
        aliases: multi(r.aliases_ar),
        nameEn: r.name_en,
        country: r.country,
        affiliation: r.affiliation,
        role: r.role_ar,
      };
      idx.byId.set(a.id, a);
      for (const n of [a.name, ...a.aliases]) idx.names.add(nameKeys(n), a);
    }
    return idx;
  }
}
