/**
 * The server's defaults that the command line needs before any server is built: kept apart from app.ts
 * so that `marsad analyze` and the other commands do not load the web framework at start-up.
 */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]", "::1"];
export const DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
