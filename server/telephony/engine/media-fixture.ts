/**
 * Test support for the IVR and queue tests: menus and queues on the shared UK tenant
 * (routing-fixture.ts), with prompts as the loader builds them (`sound:` URIs).
 */
import type { CallQueueConfig, IvrMenuConfig } from "./media-types";
import { withRouting } from "./routing-fixture";
import type { ExtensionConfig, TenantDialPlan, TenantDialPlanInput } from "./types";

export const MAIN_DID = "+441632960006";

export const prompt = (name: string) => `sound:/media/t1/prompts/${name}`;

export function menu(id: string, m: Partial<IvrMenuConfig> = {}): IvrMenuConfig {
  return {
    id,
    name: id,
    prompts: { intro: [prompt(`${id}-intro`)], menu: [prompt(`${id}-menu`)], invalid: [prompt("invalid")], timeout: [prompt("timeout")], postSelection: [prompt("connecting")], inactive: [prompt("closed")] },
    activePeriod: null,
    inactiveAction: null,
    digitTimeoutSec: 5,
    maxRetries: 3,
    afterRetries: null,
    directDial: false,
    fax: null,
    options: [],
    ...m,
  };
}

export function queue(id: string, q: Partial<CallQueueConfig> = {}): CallQueueConfig {
  return {
    id,
    number: "700",
    name: id,
    strategy: "ringAll",
    leastUsedBy: "answeredToday",
    members: ["e-alice", "e-bob", "e-erin", "e-finn"].map((extensionId) => ({ extensionId, isLoggedIn: true })),
    memberRingSec: 15,
    retrySec: 5,
    maxWaitSec: 300,
    onTimeout: null,
    holdMedia: [],
    announcePosition: true,
    announceWaitTime: true,
    announceEverySec: 60,
    whenNoMembers: "wait",
    noMembersDestination: null,
    ...q,
  };
}

/** The tenant with these menus and queues, and MAIN_DID pointing at the first menu (unless `dids` says otherwise). */
export function mediaPlan(
  media: { ivrMenus?: IvrMenuConfig[]; queues?: CallQueueConfig[] },
  extra: Partial<TenantDialPlanInput> = {},
  patches: Record<string, Partial<ExtensionConfig>> = {},
): TenantDialPlan {
  const first = media.ivrMenus?.[0];
  const dids = first ? [{ number: MAIN_DID, target: { kind: "ivr" as const, ivrMenuId: first.id } }] : [];
  return withRouting(patches, { dids, ...media, ...extra });
}
