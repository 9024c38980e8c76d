/**
 * "What happens if…": the engine's own answer to a question call, and the call-flow graph it
 * is drawn on. The dial plan comes from the worker's loader and compiler, read through the
 * caller's tenant-scoped client, and the plan from routeCall itself, so the answer is what a
 * real call would do (DESIGN: the engine is pure so previews share its code path).
 * The state is the moment's round-robin cursors with nobody busy: the question is about the
 * configuration, not about who happens to be on the phone.
 */
import { parsePhoneNumber, regionOfCallingCode } from "@/components/format/phone-number";
import path from "node:path";
import { env } from "../../../env.js";
import { AppError } from "../../../errors";
import type { TenantScope } from "../../../tenancy";
import { loadTenantDialPlan } from "../../../telephony/dialplan/load-dial-plan";
import { buildCallFlow, compileDialPlan, describePlan, EMPTY_ROUTING_STATE, localDateTimeIn, routeCall, type RoutingState } from "../../../telephony/engine";
import type { RuleUser } from "../rules/owner-access";
import { resolveEntry } from "./entry-access";
import { questionCall, type QuestionCaller } from "./question-call";
import { WITHHELD, type TFlowEntry, type TWhatIfInput } from "./schema";

/** Only names outbound steps in the answer ("via trunk"); the worker's real trunk is not the web app's to know. */
const PREVIEW_TRUNK = "trunk";

const invalid = (field: string, message: string) => new AppError("INVALID", message, { fieldErrors: { [field]: message } });

/**
 * The worker's loader, on the caller's scoped client: the same delegates at run time, with
 * tenant scoping on top. Prisma's types for an extended client do not unify with the raw
 * client's, hence the cast; nothing here reaches past the scope (the tenant row is SELF-scoped).
 */
async function loadSnapshotInput({ db, tenantId }: TenantScope) {
  // The media folder only names prompts in the answer ("Answer and play sound:/…"), as the worker would.
  return loadTenantDialPlan(db as unknown as Parameters<typeof loadTenantDialPlan>[0], tenantId, { trunk: PREVIEW_TRUNK, mediaDir: path.resolve(env.MEDIA_DIR) });
}

function readCaller(text: string, extensions: { id: string; number: string }[], region: string | undefined): QuestionCaller {
  if (text.toLowerCase() === WITHHELD) return { kind: "withheld" };
  const extension = extensions.find((e) => e.number === text);
  if (extension) return { kind: "extension", extensionId: extension.id };
  const parsed = parsePhoneNumber(text, region);
  if (!parsed) throw invalid("caller", "Enter a phone number (such as +1 212 555 0100), one of your extension numbers, or “withheld”.");
  return { kind: "external", e164: parsed.e164 };
}

async function currentCursors({ db }: TenantScope): Promise<RoutingState> {
  const groups = await db.huntGroup.findMany({ select: { id: true, roundRobinCursor: true } });
  return { ...EMPTY_ROUTING_STATE, roundRobinCursors: new Map(groups.map((g) => [g.id, g.roundRobinCursor])) };
}

/**
 * Routes the question call with the engine and returns its plan in words, the rules weighed,
 * the path and the entry's call-flow graph. Throws NOT_FOUND / FORBIDDEN for the entry, and
 * INVALID with a field error for a caller, number dialled or time that cannot be used
 * (a time the clocks skip on a daylight-saving night, for one).
 */
export async function whatIf(scope: TenantScope, user: RuleUser, input: TWhatIfInput) {
  const entry = await resolveEntry(scope.db, user, input.entry);
  const raw = await loadSnapshotInput(scope);
  const when = localDateTimeIn(raw.timeZone, input.at);
  if (!when.ok) throw invalid("at", when.error);
  const region = regionOfCallingCode(raw.numbering.countryCode);
  const caller = readCaller(input.caller, raw.extensions, region);
  const dialledText = input.dialled?.trim() ?? "";
  const dialled = entry.kind === "did" || dialledText === "" ? null : parsePhoneNumber(dialledText, region);
  if (dialledText !== "" && entry.kind !== "did" && !dialled) throw invalid("dialled", "Enter the number dialled as a full phone number, or leave it empty.");
  const question = questionCall(raw, entry, caller, dialled?.e164 ?? null);
  const snapshot = compileDialPlan(question.input);
  const plan = routeCall(snapshot, question.call, when.instant, await currentCursors(scope));
  return {
    at: when.instant,
    timeZone: raw.timeZone,
    steps: describePlan(plan),
    trace: plan.trace,
    ruleChecks: plan.ruleChecks,
    path: plan.path,
    graph: buildCallFlow(compileDialPlan(raw), entry.flow),
  };
}
export type WhatIfAnswer = Awaited<ReturnType<typeof whatIf>>;

/**
 * The entry's call-flow graph, from the same compiled plan the worker routes by, with the
 * record id of each number in it (the graph names numbers; their pages take ids).
 */
export async function findCallFlow(scope: TenantScope, user: RuleUser, entry: TFlowEntry) {
  const resolved = await resolveEntry(scope.db, user, entry);
  const graph = buildCallFlow(compileDialPlan(await loadSnapshotInput(scope)), resolved.flow);
  const dids = await scope.db.did.findMany({ select: { id: true, number: true } });
  return { graph, didIds: Object.fromEntries(dids.map((d) => [d.number, d.id])) as Record<string, string> };
}
