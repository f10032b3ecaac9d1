/** `marsad serve`: the map, timeline and article views, and the HTTP API, over a Marsad database. */
import { Command } from "commander";
import { AnalysisPool } from "../batch/pool.js";
import { EXIT, MarsadError } from "../errors.js";
import { importedGazetteerDir } from "../home.js";
import { DEFAULT_TILES, LOOPBACK_HOSTS } from "../server/defaults.js";

/** Time budget of one analysis asked through the API. */
const API_ANALYSIS_TIMEOUT_MS = 15_000;
import { describeStore, openStoreAt, storeSpec } from "../store/open.js";
import { DB_HELP, intBetween } from "./common.js";

interface ServeOptions {
  db?: string;
  port: number;
  host: string;
  token?: string;
  tiles: string;
  workers: number;
  allowHost?: string[];
}

const isLoopback = (host: string): boolean => ["127.0.0.1", "localhost", "::1", "[::1]"].includes(host.toLowerCase()) || /^127\./.test(host);

export function serveCommand(): Command {
  return new Command("serve")
    .description("serve the map, timeline, event and article views, and the HTTP API (/api, described at /api/openapi.json)")
    .option("--db <path|url>", `the database to serve: ${DB_HELP}`)
    .option("--port <n>", "port to listen on (1 to 65535)", intBetween(1, 65535), 8750)
    .option("--host <address>", "address to bind (the default keeps the server on this machine)", "127.0.0.1")
    .option("--token <secret>", "allow POST /api/ingest for requests bearing this token (otherwise read-only)")
    .option("--tiles <url>", "map tile URL template; \"none\" for country outlines only", DEFAULT_TILES)
    .option("--workers <n>", "analysis threads for POST /api/analyze and /api/ingest (1 to 16)", intBetween(1, 16), 1)
    .option("--allow-host <names>", "host names the server answers to besides the loopback ones, comma-separated (behind a proxy or on a LAN)", (v: string) => v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
    .addHelpText("after", "\nExample:\n  marsad serve --db news.db --port 8750\n  open http://127.0.0.1:8750/")
    .action(async (opts: ServeOptions) => {
      const writable = !!opts.token;
      const spec = storeSpec(opts.db);
      const store = await openStoreAt(spec, { mustExist: !writable, readonly: !writable });
      let tiles: string | null = null;
      if (opts.tiles !== "none") {
        if (!/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(opts.tiles)) throw new MarsadError(`--tiles must be a URL template with {z}, {x} and {y}, or "none"; got "${opts.tiles.slice(0, 80)}"`, EXIT.usage);
        tiles = opts.tiles;
      }
      // a server on the loopback answers only to loopback names (DNS rebinding); one on another address
      // answers to the names given with --allow-host, or to any when none is given
      const allowedHosts = isLoopback(opts.host) ? [...LOOPBACK_HOSTS, ...(opts.allowHost ?? [])] : (opts.allowHost ?? null);
      const pool = new AnalysisPool({ workers: opts.workers, importedGazetteer: importedGazetteerDir(), timeoutMs: API_ANALYSIS_TIMEOUT_MS });
      // the web framework loads only when a server is asked for
      const { buildServer } = await import("../server/app.js");
      const app = await buildServer({ store, pool, token: opts.token, tiles, allowedHosts });
      try {
        await app.listen({ port: opts.port, host: opts.host });
      } catch (e) {
        await app.close();
        await store.close();
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === "EADDRINUSE" ? "the port is in use" : code === "EACCES" ? "not allowed (ports below 1024 need privileges)" : code === "EADDRNOTAVAIL" || code === "ENOTFOUND" ? "no such address on this machine" : (code ?? (e as Error).message);
        throw new MarsadError(`cannot listen on ${opts.host}:${opts.port}: ${why}; choose another --port or --host`, EXIT.unavailable);
      }
      process.stderr.write(`marsad: serving ${describeStore(spec)} at http://${opts.host}:${opts.port}/ (${writable ? "ingest allowed with the token" : "read-only"}); Ctrl-C stops\n`);
      const stop = (): void => void app.close().then(() => store.close()).then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      await new Promise(() => {}); // until a signal
    });
}
