/**
 * The backends the store-contract tests run on: SQLite always; PostgreSQL when a server answers
 * (postgres.ts says where, and when its absence fails the run instead of skipping). Each test opens
 * a fresh store, closed (and its database dropped) when the test ends.
 */
import { onTestFinished } from "vitest";
import { PostgresStore } from "../../src/store/postgres/store.js";
import type { Store } from "../../src/store/store.js";
import { createTestDatabase, REQUIRED, UNREACHABLE } from "./postgres.js";
import { tempSqlite } from "./store.js";

export interface Backend {
  name: string;
  /** Why the backend's tests are skipped here; null when they run. */
  skip: string | null;
  /** A fresh store, closed (its database dropped) when the current test ends. */
  open(): Promise<Store>;
  /** A fresh store that the caller disposes of (in an afterAll). */
  create(): Promise<{ store: Store; dispose: () => Promise<void> }>;
}

function backend(name: string, skip: string | null, create: Backend["create"]): Backend {
  return {
    name,
    skip,
    create,
    async open() {
      const { store, dispose } = await create();
      onTestFinished(dispose);
      return store;
    },
  };
}

const sqlite = backend("sqlite", null, async () => {
  const store = tempSqlite();
  return { store, dispose: () => store.close() };
});

const postgres = backend("postgres", UNREACHABLE && !REQUIRED ? UNREACHABLE : null, async () => {
  const db = await createTestDatabase();
  const store = await PostgresStore.open(db.url);
  return {
    store,
    dispose: async () => {
      await store.close();
      await db.drop();
    },
  };
});

export const BACKENDS: Backend[] = [sqlite, postgres];
