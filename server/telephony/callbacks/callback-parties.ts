/**
 * Who a callback rings first, what that phone sees calling, and the call it becomes once it
 * answers (DESIGN.md section 5: leg A first, then B, then bridge):
 *
 * - click-to-call (PORTAL, API): A = the SIP account's phone, which sees the number it will be
 *   put through to; then `dialled` is routed exactly as if that extension had dialled it.
 * - widget, VISITOR_FIRST: A = the visitor over the trunk (or, for the admin's test call, an
 *   extension's phone), who sees the company's number; then the company side is routed as an
 *   inbound call to the widget's destination.
 * - widget, COMPANY_FIRST: A = the targets the engine rings first for the destination (an
 *   extension or hunt group), who see the visitor's number; the one who answers then calls
 *   the visitor as if they had dialled the number.
 */
import type { CallbackRequest } from "@/server/generated/prisma/client";
import { readStored, ZRoutingDestination } from "@/server/modules/routing/stored";
import type { CallOrigin } from "../dialplan/resolve-tenant";
import { engineDestination } from "../dialplan/engine-destination";
import { partyLabel, routeToDestination, type CallerId, type CallPlan, type DialTarget, type IncomingCall, type TenantDialPlan } from "../engine";
import type { Logger } from "../log";
import { decideRoute } from "../stasis/decide-route";
import type { StasisDeps } from "../stasis/deps";
import type { Leg } from "../stasis/call-session";
import type { CallbackFailureReason } from "@/server/modules/callbacks/contract";
import type { CallbackStore } from "./callback-store";

/** How long a first party's phone rings before the request fails as unanswered. */
export const FIRST_LEG_RING_SEC = 30;

export interface SecondHalf {
  origin: CallOrigin;
  incoming: IncomingCall;
  plan: CallPlan;
  /** The CDR's DID (the company number a visitor was called from); null for none. */
  didId: string | null;
}

export interface FirstParty {
  targets: DialTarget[];
  strategy: "simultaneous" | "sequential";
  timeoutSec: number;
  /** What the first party's phone shows. */
  callerId: CallerId;
  /** The first leg's CDR: over the trunk (rated) or to a phone of the company. */
  direction: "INTERNAL" | "OUTBOUND";
  /** Routes the rest of the call once `leg` answered. */
  handOver(leg: Leg): Promise<SecondHalf>;
}

export type FirstPartyResult = { ok: true; party: FirstParty } | { ok: false; reason: CallbackFailureReason; detail: string };

interface PartyDeps {
  stasis: StasisDeps;
  store: CallbackStore;
  trunk: string;
  log: Logger;
}

const refuse = (reason: CallbackFailureReason, detail: string): FirstPartyResult => ({ ok: false, reason, detail });
const isE164 = (n: string) => /^\+\d{6,15}$/.test(n);

/** The extension placing a call, as origin and as the engine's incoming call. */
function extensionCall(tenantId: string, ext: { id: string; number: string; displayName: string }, sipAccountId: string, dialled: string) {
  const origin: CallOrigin = { kind: "extension", tenantId, extensionId: ext.id, sipAccountId, extensionNumber: ext.number };
  const incoming: IncomingCall = { source: { kind: "extension", extensionId: ext.id }, dialled, callerId: { number: ext.number, name: ext.displayName } };
  return { origin, incoming };
}

function endpointTarget(username: string, ext: { id: string; number: string; displayName: string }): DialTarget {
  return { kind: "endpoint", endpoint: `PJSIP/${username}`, extensionId: ext.id, label: partyLabel({ number: ext.number, name: ext.displayName }) };
}

export async function firstPartyOf(deps: PartyDeps, snapshot: TenantDialPlan, row: CallbackRequest): Promise<FirstPartyResult> {
  if (row.source !== "WIDGET") return clickToCall(deps, snapshot, row);
  const stored = readStored(ZRoutingDestination, row.destination);
  if (!stored || !row.visitorNumber) return refuse("ROUTE_REFUSED", "The widget's destination is not one the company can be reached at.");
  const destination = engineDestination(stored, (id) => (id ? (snapshot.extensionsById.get(id)?.voicemail.mailbox ?? "") : ""));
  return row.order === "COMPANY_FIRST"
    ? companyFirst(deps, snapshot, row, row.visitorNumber, destination)
    : visitorFirst(deps, snapshot, row, row.visitorNumber, destination);
}

async function clickToCall(deps: PartyDeps, snapshot: TenantDialPlan, row: CallbackRequest): Promise<FirstPartyResult> {
  const account = row.sipAccountId ? await deps.store.findAccount(row.tenantId, row.sipAccountId) : null;
  const ext = account?.extension;
  if (!account || !ext || !row.dialled) return refuse("FIRST_UNREACHABLE", "The SIP account no longer exists or has no extension.");
  const dialled = row.dialled;
  const callee = snapshot.extensionsByNumber.get(dialled);
  return {
    ok: true,
    party: {
      targets: [endpointTarget(account.username, ext)],
      strategy: "simultaneous",
      timeoutSec: FIRST_LEG_RING_SEC,
      callerId: { number: dialled, name: callee?.displayName ?? null },
      direction: "INTERNAL",
      handOver: async () => {
        const { origin, incoming } = extensionCall(row.tenantId, ext, row.sipAccountId!, dialled);
        return { origin, incoming, plan: await decideRoute(deps.stasis, snapshot, incoming, deps.log), didId: null };
      },
    },
  };
}

/** decideRoute (routing state, credit, round-robin claims) with the destination router in place of routeCall. */
const toDestination = (deps: PartyDeps, snapshot: TenantDialPlan, incoming: IncomingCall, destination: Parameters<typeof routeToDestination>[2]) =>
  decideRoute({ ...deps.stasis, route: (s, call, now, state) => routeToDestination(s, call, destination, now, state) }, snapshot, incoming, deps.log);

async function visitorFirst(deps: PartyDeps, snapshot: TenantDialPlan, row: CallbackRequest, visitor: string, destination: Parameters<typeof routeToDestination>[2]): Promise<FirstPartyResult> {
  const did = await deps.store.findFirstDid(row.tenantId);
  const companyNumber = snapshot.outbound?.defaultCli ?? did?.number ?? null;
  if (isE164(visitor)) {
    return {
      ok: true,
      party: {
        targets: [{ kind: "external", trunk: snapshot.outbound?.trunk ?? deps.trunk, number: visitor }],
        strategy: "simultaneous",
        timeoutSec: FIRST_LEG_RING_SEC,
        callerId: { number: companyNumber, name: null },
        direction: "OUTBOUND",
        handOver: async () => {
          const origin: CallOrigin = { kind: "trunk", tenantId: row.tenantId, didId: did?.id ?? "", did: did?.number ?? "" };
          const incoming: IncomingCall = { source: { kind: "trunk" }, dialled: did?.number ?? "", callerId: { number: visitor, name: null } };
          return { origin, incoming, plan: await toDestination(deps, snapshot, incoming, destination), didId: did?.id ?? null };
        },
      },
    };
  }
  // The admin's test call: `visitorNumber` is one of the company's extensions.
  const ext = await deps.store.findExtensionByNumber(row.tenantId, visitor);
  if (!ext?.sipAccount || !ext.sipAccountId) return refuse("FIRST_UNREACHABLE", `Extension ${visitor} has no phone to ring.`);
  const sipAccountId = ext.sipAccountId;
  return {
    ok: true,
    party: {
      targets: [endpointTarget(ext.sipAccount.username, ext)],
      strategy: "simultaneous",
      timeoutSec: FIRST_LEG_RING_SEC,
      callerId: { number: companyNumber, name: "Callback test" },
      direction: "INTERNAL",
      handOver: async () => {
        const { origin, incoming } = extensionCall(row.tenantId, ext, sipAccountId, "");
        return { origin, incoming, plan: await toDestination(deps, snapshot, incoming, destination), didId: null };
      },
    },
  };
}

async function companyFirst(deps: PartyDeps, snapshot: TenantDialPlan, row: CallbackRequest, visitor: string, destination: Parameters<typeof routeToDestination>[2]): Promise<FirstPartyResult> {
  // The company's phones see the visitor's number, as they would if the visitor had called.
  const asInbound: IncomingCall = { source: { kind: "trunk" }, dialled: "", callerId: { number: visitor, name: null } };
  const plan = await toDestination(deps, snapshot, asInbound, destination);
  const dial = plan.steps.find((s) => s.type === "dial");
  if (plan.kind === "blocked" || plan.kind === "barred") return refuse("ROUTE_REFUSED", "The company does not take calls from this number.");
  if (!dial || dial.type !== "dial" || dial.targets.length === 0) return refuse("FIRST_UNREACHABLE", "Nobody at the company can take the call now.");
  return {
    ok: true,
    party: {
      targets: dial.targets,
      strategy: dial.strategy,
      timeoutSec: dial.timeoutSec,
      callerId: dial.callerId,
      direction: "INTERNAL",
      handOver: async (leg) => {
        const target = leg.target;
        const ext = target.kind === "endpoint" ? snapshot.extensionsById.get(target.extensionId) : undefined;
        const account = ext ? await deps.store.findExtensionAccount(row.tenantId, ext.id) : null;
        if (!ext || !account?.sipAccountId) throw new Error(`callback answered by ${target.kind} target with no extension account`);
        const { origin, incoming } = extensionCall(row.tenantId, ext, account.sipAccountId, visitor);
        // The company's phone now calls the visitor: CLI, block list and credit apply as to any call it makes.
        return { origin, incoming, plan: await decideRoute(deps.stasis, snapshot, incoming, deps.log), didId: null };
      },
    },
  };
}
