/**
 * Registration rows while the worker cannot see Asterisk, and after it can again. While ARI is
 * down nobody hears phones register or drop, so every row becomes UNKNOWN rather than keep
 * claiming REGISTERED. After the next full provisioning push, rows still UNKNOWN (no contact
 * event has spoken for them since) take the endpoint's state from GET /endpoints. Only UNKNOWN
 * rows change there, so a fresher event is never overwritten by the slower resync.
 */
import type { Db } from "@/server/db";
import type { RegistrationState } from "@/server/generated/prisma/enums";
import type { PresenceNotifier } from "./presence-store";

type Changed = { sipAccountId: string; tenantId: string };

async function notifyAll(rows: Changed[], notify: PresenceNotifier): Promise<void> {
  for (const row of rows) await notify({ tenantId: row.tenantId, kind: "registration", sipAccountId: row.sipAccountId });
}

/** Every known registration becomes UNKNOWN (one statement); returns how many changed. */
export async function markRegistrationsUnknown(db: Db, notify: PresenceNotifier): Promise<number> {
  const changed = await db.$queryRaw<Changed[]>`
    UPDATE "Registration" SET "state" = 'UNKNOWN', "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "state" <> 'UNKNOWN'
    RETURNING "sipAccountId", "tenantId"`;
  await notifyAll(changed, notify);
  return changed.length;
}

/**
 * Sets rows still UNKNOWN from the endpoints' states, by SIP username (the endpoint id):
 * online means a contact is reachable, anything else that the phone is not registered.
 */
export async function resolveUnknownRegistrations(
  db: Db, endpointStates: ReadonlyMap<string, string>, notify: PresenceNotifier,
): Promise<number> {
  const usernames = [...endpointStates.keys()];
  if (usernames.length === 0) return 0;
  const states = usernames.map((u): RegistrationState => (endpointStates.get(u) === "online" ? "REGISTERED" : "UNREGISTERED"));
  const changed = await db.$queryRaw<Changed[]>`
    UPDATE "Registration" AS r SET "state" = u.state::"RegistrationState", "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${usernames}::text[], ${states}::text[]) AS u(username, state)
    JOIN "SipAccount" s ON s."username" = u.username
    WHERE r."sipAccountId" = s."id" AND r."state" = 'UNKNOWN'
    RETURNING r."sipAccountId", r."tenantId"`;
  await notifyAll(changed, notify);
  return changed.length;
}
