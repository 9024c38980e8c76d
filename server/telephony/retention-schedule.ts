/**
 * Runs the retention jobs from the worker, at start and then hourly: recordings
 * (server/media/retention.ts) and callback refusals (refusal-retention.ts). Their state is
 * the rows (and the store's files), claimed with SKIP LOCKED, so several workers may run them
 * at once and a restart loses nothing.
 */
import { runRecordingRetention } from "@/server/media/retention";
import { deleteOldRefusals } from "@/server/modules/callbacks/refusal-retention";
import type { MediaStore } from "@/server/media/storage/media-store";
import { every } from "./billing-schedule";
import type { Logger } from "./log";

const HOUR_MS = 3_600_000;

export function scheduleRecordingRetention(log: Logger, store: MediaStore, everyMs = HOUR_MS): { stop(): void } {
  return every(everyMs, () =>
    runRecordingRetention({ store, onError: (msg, fields) => log.warn(msg, fields) })
      .then((r) => {
        if (r.deleted + r.failed + r.orphansRemoved > 0) log.info("recording retention ran", { ...r });
      })
      .catch((err: unknown) => log.error("recording retention failed; will retry next hour", { err: String(err) })),
  );
}

export function scheduleRefusalRetention(log: Logger, everyMs = HOUR_MS): { stop(): void } {
  return every(everyMs, () =>
    deleteOldRefusals()
      .then((deleted) => {
        if (deleted > 0) log.info("callback refusal retention ran", { deleted });
      })
      .catch((err: unknown) => log.error("callback refusal retention failed; will retry next hour", { err: String(err) })),
  );
}
