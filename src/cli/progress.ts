/** A progress line on standard error: count, rate and ETA; redrawn in place on a terminal, every few seconds otherwise. */
import type { IngestProgress } from "../batch/ingest.js";

const BAR = 24;
const LOG_EVERY_MS = 5000;

const clock = (s: number): string => {
  if (!Number.isFinite(s) || s < 0) return "--:--";
  const m = Math.floor(s / 60), sec = Math.floor(s % 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}:${String(sec).padStart(2, "0")}` : `${m}:${String(sec).padStart(2, "0")}`;
};

export function progressReporter(total: number | null, quiet = false): { update(p: IngestProgress): void; end(): void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      if (quiet || now - last < (tty ? 200 : LOG_EVERY_MS)) return;
      last = now;
      const rate = p.done / Math.max(p.elapsed, 0.001);
      const of = total ? `/${total}` : "";
      const bar = total ? `[${"#".repeat(Math.round((BAR * Math.min(p.done, total)) / total)).padEnd(BAR, ".")}] ` : "";
      const eta = total ? `  ETA ${clock((total - p.done) / Math.max(rate, 0.001))}` : "";
      const line = `${bar}${p.done}${of} articles  ${rate.toFixed(0)}/s  new ${p.inserted}  known ${p.known}  failed ${p.failed}${eta}`;
      if (tty) {
        process.stderr.write(`\r${line}\x1b[K`);
        drawn = true;
      } else process.stderr.write(`marsad: ${line}\n`);
    },
    end() {
      if (drawn) process.stderr.write("\r\x1b[K");
    },
  };
}
