/**
 * Presence rows written by the worker, each followed by NOTIFY presence so the web app can
 * stream the change to open pages. Rows are the truth; a lost NOTIFY only delays a page.
 * Call-state rows change three to five times per call, so they go through a batch writer:
 * under load one upsert and one conditional update carry the changes of many calls.
 */
import type { Db } from "@/server/db";
import type { CallState, RegistrationState } from "@/server/generated/prisma/enums";
import { createBatchWriter } from "./batch-writer";
import { notifyPresence, type PresenceNotice } from "./notify";

/** Sends the presence NOTIFY; defaults to a Prisma query, the worker passes a cheaper one. */
export type PresenceNotifier = (notice: PresenceNotice) => Promise<void>;
const viaPrisma = (db: Db): PresenceNotifier => (notice) => notifyPresence(db, notice);

export async function saveRegistration(
  db: Db,
  row: { sipAccountId: string; tenantId: string; state: RegistrationState; userAgent?: string | null; address?: string | null },
  notify: PresenceNotifier = viaPrisma(db),
): Promise<void> {
  const known = { ...(row.userAgent !== undefined ? { userAgent: row.userAgent } : {}), ...(row.address !== undefined ? { address: row.address } : {}) };
  await db.registration.upsert({
    where: { sipAccountId: row.sipAccountId },
    create: { sipAccountId: row.sipAccountId, tenantId: row.tenantId, state: row.state, ...known },
    update: { state: row.state, ...known },
  });
  await notify({ tenantId: row.tenantId, kind: "registration", sipAccountId: row.sipAccountId });
}

/** Ringing or in a call on `channelId`. */
export type CallStateRow = { extensionId: string; tenantId: string; state: Exclude<CallState, "IDLE">; peer: string | null; since: Date; channelId: string };
/** Back to idle, but only if the row still describes `channelId` (see updateIdle). */
export type IdleRow = { extensionId: string; tenantId: string; channelId: string; since: Date };
type Write = ({ kind: "state" } & CallStateRow) | ({ kind: "idle" } & IdleRow);

// Timestamps travel as ISO text and become UTC wall-clock time, as Prisma stores DateTime.
const utc = (d: Date) => d.toISOString();

/**
 * One statement for every ringing / in-call / on-hold row of a batch. Rows of extensions
 * deleted meanwhile are skipped by the join instead of failing the batch on the foreign key.
 */
async function upsertStates(db: Db, rows: CallStateRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const written = await db.$queryRaw<{ extensionId: string }[]>`
    INSERT INTO "ExtensionCallState" ("extensionId", "tenantId", "state", "peer", "since", "channelId", "updatedAt")
    SELECT u.ext, u.tenant, u.state::"CallState", u.peer, u.since::timestamptz AT TIME ZONE 'UTC', u.channel, now() AT TIME ZONE 'UTC'
    FROM unnest(${rows.map((r) => r.extensionId)}::text[], ${rows.map((r) => r.tenantId)}::text[], ${rows.map((r) => r.state)}::text[],
                ${rows.map((r) => r.peer)}::text[], ${rows.map((r) => utc(r.since))}::text[], ${rows.map((r) => r.channelId)}::text[])
         AS u(ext, tenant, state, peer, since, channel)
    JOIN "Extension" e ON e."id" = u.ext
    ON CONFLICT ("extensionId") DO UPDATE SET "tenantId" = EXCLUDED."tenantId", "state" = EXCLUDED."state", "peer" = EXCLUDED."peer",
      "since" = EXCLUDED."since", "channelId" = EXCLUDED."channelId", "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "extensionId"`;
  return new Set(written.map((r) => r.extensionId));
}

/**
 * One statement for every idle row of a batch. With call waiting a newer call may already own
 * an extension's row, and the older call's end must not overwrite it: only rows still on
 * `channelId` change.
 */
async function updateIdle(db: Db, rows: IdleRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const changed = await db.$queryRaw<{ extensionId: string }[]>`
    UPDATE "ExtensionCallState" AS s
    SET "state" = 'IDLE', "peer" = NULL, "since" = u.since::timestamptz AT TIME ZONE 'UTC', "channelId" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${rows.map((r) => r.extensionId)}::text[], ${rows.map((r) => r.channelId)}::text[], ${rows.map((r) => utc(r.since))}::text[])
         AS u(ext, channel, since)
    WHERE s."extensionId" = u.ext AND s."channelId" = u.channel
    RETURNING s."extensionId"`;
  return new Set(changed.map((r) => r.extensionId));
}

/**
 * Call-state writes through one batch writer. A batch holds at most one write per extension
 * (presence/call-presence.ts already keeps one in flight per extension), so its upsert and
 * its update touch different rows and can run side by side. Each write resolves after its
 * row changed and its NOTIFY was sent; a write that changed nothing sends none.
 */
export function createCallStateStore(db: Db, notify: PresenceNotifier = viaPrisma(db)) {
  const writer = createBatchWriter<Write, boolean>({
    keyOf: (w) => w.extensionId,
    write: async (writes) => {
      const states = writes.flatMap((w) => (w.kind === "state" ? [w] : []));
      const idles = writes.flatMap((w) => (w.kind === "idle" ? [w] : []));
      const [written, idled] = await Promise.all([upsertStates(db, states), updateIdle(db, idles)]);
      return writes.map((w) => (w.kind === "state" ? written : idled).has(w.extensionId));
    },
  });
  const save = async (write: Write) => {
    if (await writer.add(write)) await notify({ tenantId: write.tenantId, kind: "call", extensionId: write.extensionId });
  };
  return {
    saveCallState: (row: CallStateRow) => save({ kind: "state", ...row }),
    saveIdle: (row: IdleRow) => save({ kind: "idle", ...row }),
  };
}
