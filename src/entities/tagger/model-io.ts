/**
 * The tagger's model file (data/ner/tagger.bin): "MNER", a JSON header (feature version, labels,
 * feature count, weight scale), then the feature hashes (Int32, little-endian) and their weights
 * (Int16, L per feature). Written by scripts/train-ner.mjs, read once at load.
 */
import { existsSync, readFileSync } from "node:fs";
import { dataPath } from "../../data-dir.js";
import { FEATURE_VERSION } from "./features.js";
import { LABELS, WeightTable } from "./perceptron.js";

const MAGIC = "MNER";

export interface ModelData {
  features: Int32Array;
  weights: Int16Array;
  scale: number;
}

export const defaultModelPath = (): string => dataPath("ner", "tagger.bin");

export function encodeModel(m: ModelData): Buffer {
  const header = Buffer.from(JSON.stringify({ features: FEATURE_VERSION, labels: LABELS, count: m.features.length, scale: m.scale }), "utf8");
  const pad = (4 - ((8 + header.length) % 4)) % 4;
  const head = Buffer.alloc(8 + header.length + pad, 0x20);
  head.write(MAGIC, 0, "latin1");
  head.writeUInt32LE(header.length + pad, 4);
  header.copy(head, 8);
  return Buffer.concat([head, Buffer.from(m.features.buffer, m.features.byteOffset, m.features.byteLength), Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength)]);
}

export function decodeModel(buf: Buffer, path = "model"): ModelData {
  if (buf.toString("latin1", 0, 4) !== MAGIC) throw new Error(`${path} is not a Marsad tagger model; rebuild it with npm run train:ner`);
  const len = buf.readUInt32LE(4);
  const header = JSON.parse(buf.toString("utf8", 8, 8 + len)) as { features: string; labels: string[]; count: number; scale: number };
  if (header.features !== FEATURE_VERSION || header.labels.join() !== LABELS.join()) {
    throw new Error(`${path} was trained for ${header.features}, the code needs ${FEATURE_VERSION}; rebuild it with npm run train:ner`);
  }
  const at = 8 + len;
  const copy = Uint8Array.prototype.slice.call(buf, at, at + header.count * (4 + 2 * LABELS.length));
  const features = new Int32Array(copy.buffer, 0, header.count);
  const weights = new Int16Array(copy.buffer, header.count * 4, header.count * LABELS.length);
  return { features, weights, scale: header.scale };
}

/** The run-time weights from the model file; null when there is none (the tagger is then off). */
export function loadWeights(path = defaultModelPath()): WeightTable | null {
  if (!existsSync(path)) return null;
  const m = decodeModel(readFileSync(path), path);
  return new WeightTable(m.features, m.weights, m.scale);
}
