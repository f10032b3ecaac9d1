/** `marsad serve`: the map, timeline and article views, and the HTTP API, over a Marsad database. */
import { Command } from "commander";
import { resolve } from "node:path";
import { createAnalyzer, loadResources } from "../analyze.js";
import { EXIT, MarsadError } from "../errors.js";
import { importedGazetteerDir } from "../home.js";
import { buildServer, DEFAULT_TILES } from "../server/app.js";
import { DEFAULT_DB, openStore } from "../store/db.js";
import { intBetween } from "./common.js";

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  token?: string;
  tiles: string;
}

export function serveCommand(): Command {
  return new Command("serve")
    .description("serve the map, timeline, event and article views, and the HTTP API (/api, described at /api/openapi.json)")
    .option("--db <path>", "the database to serve", DEFAULT_DB)
    .option("--port <n>", "port to listen on (1 to 65535)", intBetween(1, 65535), 8750)
    .option("--host <address>", "address to bind (the default keeps the server on this machine)", "127.0.0.1")
    .option("--token <secret>", "allow POST /api/ingest for requests bearing this token (otherwise read-only)")
    .option("--tiles <url>", "map tile URL template; \"none\" for country outlines only", DEFAULT_TILES)
    .addHelpText("after", "\nExample:\n  marsad serve --db news.db --port 8750\n  open http://127.0.0.1:8750/")
    .action(async (opts: ServeOptions) => {
      const writable = !!opts.token;
      const db = openStore(resolve(opts.db), { mustExist: !writable, readonly: !writable });
      const analyzer = createAnalyzer(loadResources({ importedGazetteer: importedGazetteerDir() }));
      const app = await buildServer({ db, analyzer, token: opts.token, tiles: opts.tiles === "none" ? null : opts.tiles });
      try {
        await app.listen({ port: opts.port, host: opts.host });
      } catch (e) {
        throw new MarsadError(`cannot listen on ${opts.host}:${opts.port} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); choose another --port`, EXIT.badInput);
      }
      process.stderr.write(`marsad: serving ${resolve(opts.db)} at http://${opts.host}:${opts.port}/ (${writable ? "ingest allowed with the token" : "read-only"}); Ctrl-C stops\n`);
      const stop = (): void => void app.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      await new Promise(() => {}); // until a signal
    });
}
