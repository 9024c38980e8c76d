/**
 * Reading an extension's forwarding (do-not-disturb, forwards, follow-me) and what its
 * destination picker offers. JSON columns are parsed again on every read: a stored value that
 * no longer fits its schema reads as "not set" rather than breaking the page.
 */
import type { TenantDb, TenantScope } from "../../../tenancy";
import { findDestinations } from "../../numbers/tenant/service";
import { readStored, ZRoutingDestination, ZTimePeriod } from "../stored";
import { extensionForViewer, type Viewer } from "./access";
import type { FollowMeStrategy } from "./schema";

export const forwardingSelect = {
  doNotDisturb: true,
  forwardAlways: true,
  forwardBusy: true,
  forwardNoAnswer: true,
  followMeEnabled: true,
  followMeStrategy: true,
  followMeRingSelfSec: true,
  followMeSteps: { orderBy: { position: "asc" }, select: { id: true, destination: true, ringSec: true, confirmAnswer: true, activePeriod: true } },
} as const;

type ForwardingRow = {
  doNotDisturb: boolean;
  forwardAlways: unknown;
  forwardBusy: unknown;
  forwardNoAnswer: unknown;
  followMeEnabled: boolean;
  followMeStrategy: "SEQUENTIAL" | "SIMULTANEOUS";
  followMeRingSelfSec: number | null;
  followMeSteps: { id: string; destination: unknown; ringSec: number; confirmAnswer: boolean; activePeriod: unknown }[];
};

const strategyOf = (stored: ForwardingRow["followMeStrategy"]): FollowMeStrategy => (stored === "SIMULTANEOUS" ? "simultaneous" : "sequential");

/** The form's shape of the stored columns; steps whose destination cannot be read are dropped. */
export function toForwardingView(row: ForwardingRow) {
  return {
    doNotDisturb: row.doNotDisturb,
    forwardAlways: readStored(ZRoutingDestination, row.forwardAlways),
    forwardBusy: readStored(ZRoutingDestination, row.forwardBusy),
    forwardNoAnswer: readStored(ZRoutingDestination, row.forwardNoAnswer),
    followMe: {
      isEnabled: row.followMeEnabled,
      strategy: strategyOf(row.followMeStrategy),
      ringSelfFirstSec: row.followMeRingSelfSec,
      steps: row.followMeSteps.flatMap((step) => {
        const destination = readStored(ZRoutingDestination, step.destination);
        if (!destination) return [];
        return [{ id: step.id, destination, ringSec: step.ringSec, confirm: step.confirmAnswer, activePeriod: readStored(ZTimePeriod, step.activePeriod) }];
      }),
    },
  };
}
export type ForwardingView = ReturnType<typeof toForwardingView> & { extension: { id: string; number: string; displayName: string } };

export async function readForwarding(db: Pick<TenantDb, "extension">, extension: ForwardingView["extension"]): Promise<ForwardingView> {
  const row = await db.extension.findUniqueOrThrow({ where: { id: extension.id }, select: forwardingSelect });
  return { extension, ...toForwardingView(row) };
}

/** One extension's forwarding; NOT_FOUND for another company's, FORBIDDEN for a colleague's. */
export async function findForwarding({ db }: TenantScope, viewer: Viewer, extensionId: string): Promise<ForwardingView> {
  const extension = await extensionForViewer(db, viewer, extensionId);
  return readForwarding(db, extension);
}

/**
 * The picker's choices for an extension's forwarding: the same grouped registry a number's
 * destination uses (extensions with "no phone yet" hints, voicemail boxes, fax accounts, hunt
 * groups), minus the extension itself, and whether an outside number may be typed.
 */
export async function findForwardingDestinations(scope: TenantScope, viewer: Viewer, extensionId: string) {
  await extensionForViewer(scope.db, viewer, extensionId);
  const { groups, isExternalAllowed } = await findDestinations(scope);
  const withoutSelf = groups
    .map((g) => (g.kind === "extension" ? { ...g, options: g.options.filter((o) => o.value !== extensionId) } : g))
    .filter((g) => g.options.length > 0);
  return { groups: withoutSelf, isExternalAllowed };
}
