/** Entity mentions by token: the mention that starts at each token, and the mention covering it. */
import type { WorkEntity } from "./coref.js";

export interface MentionRef {
  entity: WorkEntity;
  /** Token range of the mention. */
  start: number;
  end: number;
}

export interface MentionIndex {
  startsAt: Array<MentionRef | undefined>;
  covers: Array<MentionRef | undefined>;
}

/** Indexes the mentions over the document's tokens (the dateline's own tokens lie beyond them and are left out). */
export function indexMentions(entities: WorkEntity[], tokenCount: number): MentionIndex {
  const startsAt: Array<MentionRef | undefined> = new Array(tokenCount);
  const covers: Array<MentionRef | undefined> = new Array(tokenCount);
  for (const e of entities) {
    for (const [a, b] of e.spans) {
      if (b > tokenCount) continue;
      const ref = { entity: e, start: a, end: b };
      startsAt[a] = ref;
      for (let k = a; k < b; k++) covers[k] = ref;
    }
  }
  return { startsAt, covers };
}
