import type { TenantScope } from "../../tenancy";
import { callStateSelect, presenceFilterFor, registrationSelect } from "../../realtime/presence-state";

/**
 * The current presence of every extension the viewer may see (customer admins: the whole
 * tenant; extension users: their own), for the first render. Live changes then arrive over
 * /api/events in the same row shapes.
 */
export async function findPresence({ db }: TenantScope, viewer: { id: string; role: string }) {
  const filter = await presenceFilterFor(db, viewer);
  const extensions = await db.extension.findMany({
    where: filter ? { id: { in: [...filter.extensionIds] } } : {},
    select: {
      id: true,
      number: true,
      displayName: true,
      sipAccountId: true,
      doNotDisturb: true,
      callState: { select: callStateSelect },
      sipAccount: { select: { registration: { select: registrationSelect } } },
    },
    orderBy: { number: "asc" },
  });
  return extensions.map(({ sipAccount, callState, ...extension }) => ({
    ...extension,
    registration: sipAccount?.registration ?? null,
    call: callState,
  }));
}
