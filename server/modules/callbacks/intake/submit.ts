/**
 * The callback intake (issue 14): the only way a CallbackRequest comes to exist. Each path's
 * checks run cheapest first, and a refusal at any step is recorded (CallbackRefusal) and
 * answered; nothing is inserted, so the worker never originates for it.
 *
 * Order for a widget: the widget exists and is on → the page's origin is allowed → the
 * honeypot is empty → rate limits per IP and per widget (before anything costly, so a flood is
 * cut off early) → the visitor's number passes the destination policy → the per-number limit →
 * the CAPTCHA → opening hours → credit → daily spend → concurrency cap + insert. Any check that
 * cannot be made (database, CAPTCHA service) refuses: fail closed.
 */
import { createHash, randomBytes } from "node:crypto";
import type { CallbackRequest } from "@/server/generated/prisma/client";
import { Prisma } from "@/server/generated/prisma/client";
import { env } from "../../../env.js";
import { isUniqueViolation } from "@/server/database/pg-errors";
import { tenantDb, tenantSql, type TenantDb, type TenantSql } from "@/server/tenancy";
import { ZRoutingDestination, readStored } from "@/server/modules/routing/stored";
import { CALLBACK_REFUSAL_CODES, type CallbackRefusalCode } from "../contract";
import { hitRateLimits } from "../rate-limit";
import { verifyCaptcha } from "./captcha";
import { loadCallbackCompany, loadClickToCallFacts, type CallbackCompany } from "./company";
import { checkDestination } from "./destination-policy";
import { API_LIMITS, PORTAL_LIMITS, SCOPE_WORDS, WIDGET_LIMITS, type LimitRule } from "./limits";
import { widgetOpenState } from "./open-hours";
import { creditRefusal, insertWithinCaps, spendRefusal, type RequestData } from "./place-request";
import { recordRefusal, type RefusalFacts } from "./refusals";
import type { ClickToCallResult, ClickToCallSubmission, SubmitResult, WidgetSubmission } from "./types";
import { findPublicWidget } from "./widget-lookup";

type Refused = { ok: false; code: CallbackRefusalCode; message: string; retryAfterSec?: number };

function refusalOf(r: Refused): Extract<SubmitResult, { ok: false }> {
  return {
    ok: false,
    refusal: { code: r.code, message: r.message, httpStatus: CALLBACK_REFUSAL_CODES[r.code], ...(r.retryAfterSec !== undefined ? { retryAfterSec: r.retryAfterSec } : {}) },
  };
}

/** Records and returns the refusal. */
async function refuse(facts: RefusalFacts, r: Refused): Promise<SubmitResult> {
  const result = refusalOf(r);
  await recordRefusal(facts, result.refusal);
  return result;
}

const unavailable = (what: string): Refused => ({ ok: false, code: "CHECK_UNAVAILABLE", message: `The ${what} check is unavailable, so the request was refused. Please try again shortly.`, retryAfterSec: 30 });

let hasWarnedLimitsOff = false;
/** Counts the rules' hits; any database failure refuses (fail closed). */
async function checkLimits(rules: LimitRule[], now: Date): Promise<Refused | null> {
  if (env.CALLBACK_RATE_LIMITS === "off") {
    if (!hasWarnedLimitsOff) console.warn("CALLBACK_RATE_LIMITS=off: callback rate limits are not counted (benchmarks only)");
    hasWarnedLimitsOff = true;
    return null;
  }
  try {
    const verdict = await hitRateLimits(rules, now);
    if (verdict.ok) return null;
    return { ok: false, code: "RATE_LIMITED", message: `Too many callback requests ${SCOPE_WORDS[verdict.rule.scope]}. Please wait and try again.`, retryAfterSec: verdict.retryAfterSec };
  } catch (err) {
    console.error("callback rate limits could not be counted", { err });
    return unavailable("rate-limit");
  }
}

/** Credit and daily spend (read with the company), then the cap and the insert; a database failure refuses. */
async function place(sql: TenantSql, company: CallbackCompany, data: RequestData, needsCredit: boolean, now: Date) {
  try {
    const refused = (needsCredit ? creditRefusal(company) : null) ?? spendRefusal(company, now);
    if (refused) return refused;
    return await insertWithinCaps(sql, data);
  } catch (err) {
    if (isUniqueViolation(err)) throw err;
    console.error("callback request could not be placed", { tenantId: company.id, err });
    return unavailable("capacity");
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// --- Widget ---------------------------------------------------------------------------------

/** An Origin header as browsers send it: scheme://host[:port], lower-case, nothing else. */
function normaliseOrigin(origin: string | null): string | null {
  if (!origin || origin === "null" || origin.length > 200) return null;
  try {
    const url = new URL(origin);
    return url.origin === origin.toLowerCase() ? url.origin : null;
  } catch {
    return null;
  }
}

export async function submitWidgetCallback(input: WidgetSubmission, now = new Date()): Promise<SubmitResult> {
  let widget;
  try {
    widget = await findPublicWidget(input.widgetId);
  } catch (err) {
    console.error("callback widget lookup failed", { err });
    return refusalOf(unavailable("widget"));
  }
  if (!widget) return refusalOf({ ok: false, code: "WIDGET_NOT_FOUND", message: "This callback form is not available." });
  const origin = normaliseOrigin(input.origin);
  const facts: RefusalFacts = { tenantId: widget.tenantId, source: "WIDGET", widgetId: widget.id, clientIp: input.clientIp, origin: input.origin, destination: input.visitorNumber };
  if (!origin || !widget.allowedOrigins.includes(origin)) {
    return refuse(facts, { ok: false, code: "ORIGIN_NOT_ALLOWED", message: "This website may not use this callback form." });
  }
  if (input.honeypot !== "") return refuse(facts, { ok: false, code: "SPAM_SUSPECTED", message: "The request looks automated and was refused." });
  const early = await checkLimits([
    { key: `cb:w:ip:${input.clientIp}`, ...WIDGET_LIMITS.perIp, scope: "ip" },
    { key: `cb:w:widget:${widget.id}`, ...WIDGET_LIMITS.perWidget, scope: "widget" },
  ], now);
  if (early) return refuse(facts, early);

  const sql = tenantSql(widget.tenantId);
  let company: CallbackCompany | null;
  try {
    company = await loadCallbackCompany(sql);
  } catch (err) {
    console.error("callback company could not be read", { tenantId: widget.tenantId, err });
    return refuse(facts, unavailable("company"));
  }
  if (!company || company.isSuspended) return refusalOf({ ok: false, code: "WIDGET_NOT_FOUND", message: "This callback form is not available." });

  const verdict = checkDestination(input.visitorNumber, company.policy);
  if (!verdict.ok) return refuse(facts, verdict);
  const perNumber = await checkLimits([{ key: `cb:w:dest:${verdict.e164}`, ...WIDGET_LIMITS.perDestination, scope: "destination" }], now);
  if (perNumber) return refuse({ ...facts, destination: verdict.e164 }, perNumber);

  if (widget.requireCaptcha) {
    if (!env.CAPTCHA_VERIFY_URL || !env.CAPTCHA_SECRET) return refuse(facts, unavailable("CAPTCHA"));
    const captcha = await verifyCaptcha({ verifyUrl: env.CAPTCHA_VERIFY_URL, secret: env.CAPTCHA_SECRET }, input.captchaToken, input.clientIp);
    if (!captcha.ok) {
      return refuse(facts, captcha.isUnavailable ? unavailable("CAPTCHA") : { ok: false, code: "CAPTCHA_FAILED", message: "Please complete the check that you are not a robot." });
    }
  }

  const open = widgetOpenState(widget, company, now);
  let destination: Prisma.InputJsonValue = widget.destination as Prisma.InputJsonValue;
  // Set only to wait for an opening; otherwise the database's clock stamps it (see place-request.ts).
  let notBefore: Date | undefined;
  if (!open.isOpen) {
    if (widget.outsideHours === "NEXT_OPENING" && open.nextOpening) notBefore = open.nextOpening;
    else if (widget.outsideHours === "ALTERNATE_DESTINATION" && readStored(ZRoutingDestination, widget.outsideDestination)) {
      destination = widget.outsideDestination as Prisma.InputJsonValue;
    }
    else return refuse(facts, { ok: false, code: "CLOSED", message: widget.closedText || "We are closed right now." });
  }

  const statusToken = randomBytes(32).toString("base64url");
  const placed = await place(sql, company, {
    source: "WIDGET",
    widgetId: widget.id,
    visitorNumber: verdict.e164,
    destination,
    order: widget.order,
    notBefore,
    statusTokenHash: sha256(statusToken),
    clientIp: input.clientIp,
  }, true, now);
  if (!placed.ok) return refuse({ ...facts, destination: verdict.e164 }, placed);
  return { ok: true, request: placed.request, isReplay: false, statusToken };
}

/** Hashes a visitor's status token the way the intake stored it (for the status endpoint). */
export const statusTokenHash = (token: string) => sha256(token);

// --- Click-to-call (portal, API) ---------------------------------------------------------------

async function findReplay(scoped: TenantDb, apiKeyId: string, key: string): Promise<CallbackRequest | null> {
  return scoped.callbackRequest.findFirst({ where: { apiKeyId, idempotencyKey: key } });
}

/** A line given by id (the portal) is never a line outcome: a missing account is a refusal. */
export function submitClickToCall(input: ClickToCallSubmission & { line: { sipAccountId: string } }, now?: Date): Promise<SubmitResult>;
export function submitClickToCall(input: ClickToCallSubmission, now?: Date): Promise<ClickToCallResult>;
export async function submitClickToCall(input: ClickToCallSubmission, now = new Date()): Promise<ClickToCallResult> {
  const scoped = tenantDb(input.tenantId);
  const sql = tenantSql(input.tenantId);
  const facts: RefusalFacts = { tenantId: input.tenantId, source: input.source, apiKeyId: input.apiKeyId ?? null, userId: input.requestedByUserId ?? null, clientIp: input.clientIp, destination: input.dialled };
  const idempotency = input.source === "API" && input.apiKeyId && input.idempotency ? input.idempotency : null;
  const dialled = input.dialled.trim();
  // One round trip for everything the checks read: these requests come from signed-in people
  // and keys, so they are cheap to serve in full and then limit (API clients are benchmarked).
  let replay, found;
  try {
    [replay, found] = await Promise.all([
      idempotency ? findReplay(scoped, input.apiKeyId!, idempotency.key) : null,
      loadClickToCallFacts(sql, "sipAccountId" in input.line ? { sipAccountId: input.line.sipAccountId } : { idOrExtension: input.line.idOrExtension }, /^[0-9]{1,8}$/.test(dialled) ? dialled : ""),
    ]);
  } catch (err) {
    console.error("click-to-call facts could not be read", { tenantId: input.tenantId, err });
    return refuse(facts, unavailable("account"));
  }
  if (!found) return refusalOf({ ok: false, code: "INVALID_NUMBER", message: "Unknown company." });
  const { company, account, internalNumber } = found;
  if ("idOrExtension" in input.line) {
    // Whether another line exists is none of a scoped key's business: both answers are NOT_OWN.
    const only = input.line.onlyAccountId;
    if (only !== null && account?.id !== only) return { ok: false, line: "NOT_OWN" };
    if (!account) return { ok: false, line: "NOT_FOUND" };
  }
  if (replay) return { ok: true, request: replay, isReplay: true };

  // The target decides the per-number key, so both limits are counted together, before any verdict.
  const verdict = internalNumber ? null : checkDestination(dialled, company.policy);
  const target = internalNumber ?? (verdict?.ok ? verdict.e164 : null);
  const isApi = input.source === "API";
  const rules: LimitRule[] = [
    isApi
      ? { key: `cb:a:key:${input.apiKeyId ?? "none"}`, limit: input.apiKeyRateLimitPerMinute ?? 60, windowSec: 60, scope: "key" }
      : { key: `cb:p:user:${input.requestedByUserId ?? input.clientIp}`, ...PORTAL_LIMITS.perUser, scope: "user" },
  ];
  if (target) rules.push({ key: `cb:${isApi ? "a" : "p"}:dest:${input.tenantId}:${target}`, ...(isApi ? API_LIMITS.perDestination : PORTAL_LIMITS.perDestination), scope: "destination" });
  const limited = await checkLimits(rules, now);
  if (limited) return refuse({ ...facts, destination: target ?? dialled }, limited);

  if (company.isSuspended) return refuse(facts, { ok: false, code: "ACCOUNT_SUSPENDED", message: "The company is suspended by its provider, so no calls can be placed." });
  if (!account || account.type !== "CENTREX_LINE" || !account.extensionNumber) {
    return refuse(facts, { ok: false, code: "INVALID_NUMBER", message: "Calls can only start from a phone line with an extension." });
  }
  if (verdict && !verdict.ok) return refuse(facts, verdict);
  if (!target || target === account.extensionNumber) {
    return refuse(facts, { ok: false, code: "INVALID_NUMBER", message: "That is the extension the call starts from." });
  }

  try {
    const placed = await place(sql, company, {
      source: input.source,
      apiKeyId: input.apiKeyId ?? null,
      requestedByUserId: input.requestedByUserId ?? null,
      sipAccountId: account.id,
      dialled: target,
      clientIp: input.clientIp,
      idempotencyKey: idempotency?.key ?? null,
      requestFingerprint: idempotency?.fingerprint ?? null,
    }, !internalNumber, now);
    if (!placed.ok) return refuse({ ...facts, destination: target }, placed);
    return { ok: true, request: placed.request, isReplay: false };
  } catch (err) {
    // Two requests with one Idempotency-Key at once: the unique index let one in; this is its replay.
    if (idempotency && isUniqueViolation(err)) {
      const again = await findReplay(scoped, input.apiKeyId!, idempotency.key).catch(() => null);
      if (again) return { ok: true, request: again, isReplay: true };
    }
    console.error("click-to-call could not be placed", { tenantId: input.tenantId, err });
    return refusalOf(unavailable("capacity"));
  }
}

// --- The widget's test button --------------------------------------------------------------

/**
 * Rings the admin's own extension and connects it to the widget's destination (whatever the
 * hours), so the site owner hears what visitors get. Limited like portal click-to-call.
 */
export async function submitWidgetTest(input: { tenantId: string; widgetId: string; userId: string; clientIp: string }, now = new Date()): Promise<SubmitResult> {
  const scoped = tenantDb(input.tenantId);
  const facts: RefusalFacts = { tenantId: input.tenantId, source: "WIDGET", widgetId: input.widgetId, userId: input.userId, clientIp: input.clientIp };
  const [widget, extension, company] = await Promise.all([
    scoped.callbackWidget.findUnique({ where: { id: input.widgetId } }),
    scoped.extension.findFirst({ where: { ownerUserId: input.userId, sipAccountId: { not: null } }, orderBy: { number: "asc" }, select: { number: true } }),
    loadCallbackCompany(tenantSql(input.tenantId)),
  ]);
  if (!widget || !company) return refusalOf({ ok: false, code: "WIDGET_NOT_FOUND", message: "That widget does not exist." });
  if (!extension) return refusalOf({ ok: false, code: "INVALID_NUMBER", message: "You have no extension with a phone line, so there is nothing to ring for the test." });
  if (company.isSuspended) return refuse(facts, { ok: false, code: "ACCOUNT_SUSPENDED", message: "The company is suspended by its provider, so no calls can be placed." });
  const limited = await checkLimits([{ key: `cb:p:user:${input.userId}`, ...PORTAL_LIMITS.perUser, scope: "user" }], now);
  if (limited) return refuse(facts, limited);
  const placed = await place(tenantSql(input.tenantId), company, {
    source: "WIDGET",
    widgetId: widget.id,
    requestedByUserId: input.userId,
    visitorNumber: extension.number,
    destination: widget.destination as Prisma.InputJsonValue,
    order: widget.order,
    clientIp: input.clientIp,
  }, false, now);
  if (!placed.ok) return refuse(facts, placed);
  return { ok: true, request: placed.request, isReplay: false };
}
