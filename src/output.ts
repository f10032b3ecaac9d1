/**
 * The JSON form of a document (`marsad.document/1`, docs/schema.md). Tokens are written column by
 * column — one array per field — which keeps large documents compact and quick to parse.
 */
import type { Entity, MarsadDocument, Token } from "./document.js";

export interface TokenColumns {
  start: number[];
  end: number[];
  kind: string[];
  norm: string[];
  pro: string[];
  stem: string[];
  enc: string[];
}

export function tokenColumns(tokens: readonly Token[]): TokenColumns {
  const cols: TokenColumns = { start: [], end: [], kind: [], norm: [], pro: [], stem: [], enc: [] };
  for (const t of tokens) {
    cols.start.push(t.start);
    cols.end.push(t.end);
    cols.kind.push(t.kind);
    cols.norm.push(t.norm);
    cols.pro.push(t.pro);
    cols.stem.push(t.stem);
    cols.enc.push(t.enc);
  }
  return cols;
}

/** Rebuilds token objects from their columns (for programs that read the JSON back). */
export function tokensFromColumns(c: TokenColumns): Token[] {
  return c.start.map((start, i) => ({ start, end: c.end[i], kind: c.kind[i] as Token["kind"], norm: c.norm[i], pro: c.pro[i], stem: c.stem[i], enc: c.enc[i] }));
}

/** An entity's public fields only (stages keep working fields on the same objects). */
const publicEntity = ({ id, name, type, canonical, ref, category, inter, role, source, place, mentions, name_en, name_en_source }: Entity): Entity => ({ id, name, type, canonical, ref, category, inter, role, source, place, mentions, name_en, name_en_source });

/** The document's JSON form; `withTokens: false` leaves the token columns out (the store keeps no tokens). */
export function toJson(doc: MarsadDocument, withTokens = true): Record<string, unknown> {
  const { schema, meta, text, paragraphs, sentences, tokens, entities, quotes, claims, places, events } = doc;
  const json: Record<string, unknown> = { schema, meta, text, paragraphs, sentences };
  if (withTokens) json.tokens = tokenColumns(tokens);
  return Object.assign(json, { entities: entities.map(publicEntity), quotes, claims, places, events });
}

export const serialize = (doc: MarsadDocument, pretty = false): string => JSON.stringify(toJson(doc), null, pretty ? 2 : undefined);
