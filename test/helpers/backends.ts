/**
 * The backends the store-contract tests run on. Each test opens a fresh store and it is closed (and a
 * PostgreSQL database dropped) when the test ends.
 */
import { onTestFinished } from "vitest";
import type { Store } from "../../src/store/store.js";
import { tempSqlite } from "./store.js";

export interface Backend {
  name: string;
  /** Why the backend's tests are skipped here; null when they run. */
  skip: string | null;
  open(): Promise<Store>;
}

const sqlite: Backend = {
  name: "sqlite",
  skip: null,
  async open() {
    const s = tempSqlite();
    onTestFinished(() => s.close());
    return s;
  },
};

export const BACKENDS: Backend[] = [sqlite];
