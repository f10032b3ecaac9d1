/**
 * Fetching pages and feeds politely: a timeout, retries with exponential backoff on network errors,
 * 5xx and 429, a delay between two requests to the same host, and conditional GET (ETag and
 * Last-Modified remembered in the store), so an unchanged feed costs one 304.
 */
import type { Store } from "../store/store.js";

export interface FetchOptions {
  timeoutMs?: number;
  retries?: number;
  /** Milliseconds between two requests to one host. */
  hostDelayMs?: number;
  userAgent?: string;
  /** Remembers validators for conditional GET. */
  store?: Store;
}

export interface Fetched {
  status: number;
  url: string;
  body: Buffer;
  contentType: string;
  notModified: boolean;
}

const DEFAULTS = { timeoutMs: 15_000, retries: 3, hostDelayMs: 1000, userAgent: "Marsad/0.1 (+https://github.com/marsad; news research)" };
const BACKOFF_MS = 500;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class Fetcher {
  private readonly opts: Required<Omit<FetchOptions, "store">> & { store?: Store };
  private readonly nextAt = new Map<string, number>();

  constructor(opts: FetchOptions = {}) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  private async politely(host: string): Promise<void> {
    const now = Date.now();
    const at = this.nextAt.get(host) ?? 0;
    this.nextAt.set(host, Math.max(now, at) + this.opts.hostDelayMs);
    if (at > now) await sleep(at - now);
  }

  async get(url: string, { conditional = false } = {}): Promise<Fetched> {
    const host = new URL(url).host;
    const headers: Record<string, string> = { "user-agent": this.opts.userAgent, accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8" };
    const state = conditional && this.opts.store ? await this.opts.store.fetchState(url) : undefined;
    if (state?.etag) headers["if-none-match"] = state.etag;
    if (state?.last_modified) headers["if-modified-since"] = state.last_modified;
    let lastError = "";
    for (let attempt = 0; attempt <= this.opts.retries; attempt++) {
      if (attempt) await sleep(BACKOFF_MS * 2 ** (attempt - 1));
      await this.politely(host);
      try {
        const res = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(this.opts.timeoutMs) });
        if (res.status === 304) return { status: 304, url: res.url || url, body: Buffer.alloc(0), contentType: "", notModified: true };
        if (res.status >= 500 || res.status === 429) {
          lastError = `HTTP ${res.status}`;
          continue;
        }
        if (!res.ok) throw new FetchError(`HTTP ${res.status} ${res.statusText} from ${url}`);
        const body = Buffer.from(await res.arrayBuffer());
        if (conditional && this.opts.store) await this.opts.store.saveFetchState(url, res.headers.get("etag"), res.headers.get("last-modified"));
        return { status: res.status, url: res.url || url, body, contentType: res.headers.get("content-type") ?? "", notModified: false };
      } catch (e) {
        if (e instanceof FetchError) throw e;
        lastError = (e as Error).name === "TimeoutError" ? `no answer within ${this.opts.timeoutMs / 1000} s` : (e as Error).message;
      }
    }
    throw new FetchError(`cannot fetch ${url}: ${lastError} (after ${this.opts.retries + 1} attempts)`);
  }
}

export class FetchError extends Error {}
