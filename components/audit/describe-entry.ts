/**
 * The audit log in plain words: one sentence per entry, from its action and the `details` the
 * service recorded ("Bought 2 Centrex lines for £9.98"). Details are JSON written by older and
 * newer code alike, so every field is read defensively: a missing one is left out of the
 * sentence, never shown as "undefined" or as raw JSON.
 */
import { ROLE_LABELS } from "@/components/users/role-badge";
import { accountTypePlural } from "@/components/billing/format";
import { formatterFor, type Formatter } from "@/components/format/formatter";
import { formatInternational } from "@/components/format/phone-display";
import type { AuditAction } from "@/server/modules/audit/actions";
import { describeRule, ZTierRules } from "@/server/modules/numbers/tiers";

type Details = Record<string, unknown>;
type Describe = (d: Details) => string;

const record = (value: unknown): Details => (value && typeof value === "object" && !Array.isArray(value) ? (value as Details) : {});
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : typeof value === "number" ? String(value) : null);
const quoted = (value: unknown) => (text(value) ? `“${text(value)}”` : null);
const role = (value: unknown) => (typeof value === "string" && value in ROLE_LABELS ? ROLE_LABELS[value as keyof typeof ROLE_LABELS] : text(value));
/**
 * The viewer's formatter while describeEntry runs: the sentence builders below read it rather
 * than each taking it. Safe because describeEntry is synchronous: no other call interleaves.
 */
let viewerFormat: Formatter = formatterFor();
const money = (amount: unknown, currency: unknown) => (text(amount) && text(currency) ? viewerFormat.money(text(amount)!, text(currency)!) : text(amount));
/** Joins what is known: "Added Bob" + " as Administrator", skipping the unknown parts. */
const words = (...parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(" ");
const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** "name from “A” to “B”" for each field that changed between `before` and `after`. */
function changes(d: Details, fields: Record<string, { label: string; show?: (v: unknown) => string | null }>): string[] {
  const before = record(d.before);
  const after = record(d.after);
  return Object.entries(fields).flatMap(([key, { label, show = quoted }]) => {
    if (!(key in after) || JSON.stringify(before[key]) === JSON.stringify(after[key])) return [];
    const [from, to] = [show(before[key]) ?? "none", show(after[key]) ?? "none"];
    return [`${label} from ${from} to ${to}`];
  });
}

const changed = (subject: string, parts: string[]) => (parts.length > 0 ? `Changed ${subject}: ${list(parts)}` : `Saved ${subject} without changes`);

type Band = { minQuantity?: unknown; maxQuantity?: unknown; monthlyPrice?: unknown };
const bandLabel = (b: Band) => (b.maxQuantity === null || b.maxQuantity === undefined ? `${text(b.minQuantity) ?? "?"} or more` : `${text(b.minQuantity) ?? "?"}–${text(b.maxQuantity)}`);
const bands = (value: unknown): Band[] => (Array.isArray(value) ? value.map((b) => record(b) as Band) : []);

/** Band by band, so a price change reads "band 6–10 from £4.99 to £4.89". */
function bandChanges(d: Details): string[] {
  const currency = record(d.after).currency ?? record(d.before).currency;
  const price = (b: Band) => money(b.monthlyPrice, currency) ?? "?";
  const before = new Map(bands(record(d.before).bands).map((b) => [bandLabel(b), b]));
  const after = new Map(bands(record(d.after).bands).map((b) => [bandLabel(b), b]));
  if (!("bands" in record(d.after))) return [];
  const out: string[] = [];
  for (const [label, b] of after) {
    const old = before.get(label);
    if (!old) out.push(`added band ${label} at ${price(b)}`);
    else if (text(old.monthlyPrice) !== text(b.monthlyPrice) && Number(old.monthlyPrice) !== Number(b.monthlyPrice)) out.push(`band ${label} from ${price(old)} to ${price(b)}`);
  }
  for (const label of before.keys()) if (!after.has(label)) out.push(`removed band ${label}`);
  return out;
}

const phone = (value: unknown) => (text(value) && /^\+\d+$/.test(text(value)!) ? formatInternational(text(value)!) : text(value));
const onOff = (value: unknown) => (value === true ? "on" : value === false ? "off" : null);
const ruleSeconds = (value: unknown) => (text(value) ? `${text(value)} s` : null);

const FORWARD_KINDS: Record<string, string> = { extension: "an extension", voicemail: "voicemail", fax: "a fax account", huntGroup: "a hunt group", external: "an outside number" };
const forwardKind = (v: unknown) => (typeof v === "string" ? (FORWARD_KINDS[v] ?? v) : null);
const FORWARDING_FIELDS = {
  doNotDisturb: { label: "do not disturb", show: onOff },
  forwardAlways: { label: "forward all calls", show: forwardKind },
  forwardBusy: { label: "forward when busy", show: forwardKind },
  forwardNoAnswer: { label: "forward when unanswered", show: forwardKind },
  followMe: { label: "follow-me", show: text },
};
const HUNT_GROUP_FIELDS = {
  number: { label: "number", show: text },
  name: { label: "name" },
  strategy: { label: "strategy", show: text },
  ringSec: { label: "ring time", show: ruleSeconds },
  members: { label: "members", show: text },
  overflow: { label: "unanswered calls", show: forwardKind },
};

const IVR_MENU_FIELDS = {
  name: { label: "name" },
  options: { label: "options", show: text },
  afterRetries: { label: "callers who do not choose", show: forwardKind },
  directDial: { label: "direct dial", show: onOff },
};
const RECORDING_FIELDS = {
  recordIncomingExternal: { label: "incoming outside calls", show: onOff },
  recordIncomingInternal: { label: "incoming internal calls", show: onOff },
  recordOutgoingExternal: { label: "outgoing outside calls", show: onOff },
  recordOutgoingInternal: { label: "outgoing internal calls", show: onOff },
  recordAnnouncement: { label: "the announcement", show: onOff },
  recordAnnouncementPromptId: { label: "the announcement prompt", show: (v: unknown) => (v ? "a company prompt" : "the built-in one") },
};
const retention = (v: unknown) => (typeof v === "number" ? `${v} ${v === 1 ? "day" : "days"}` : "until deleted");
const CALL_QUEUE_FIELDS = {
  number: { label: "number", show: text },
  name: { label: "name" },
  strategy: { label: "strategy", show: text },
  maxWaitSec: { label: "maximum wait", show: ruleSeconds },
  members: { label: "members", show: text },
  timeout: { label: "callers who wait too long", show: forwardKind },
};

const CALLBACK_ORDER_WORDS: Record<string, string> = { VISITOR_FIRST: "the visitor first", COMPANY_FIRST: "the company first" };
const CALLBACK_OUTSIDE_WORDS: Record<string, string> = { CLOSED: "closed", NEXT_OPENING: "called back at opening", ALTERNATE_DESTINATION: "sent elsewhere" };
const CALLBACK_WIDGET_FIELDS = {
  name: { label: "name" },
  isEnabled: { label: "the widget", show: onOff },
  destination: { label: "destination", show: text },
  order: { label: "who is called first", show: (v: unknown) => (typeof v === "string" ? (CALLBACK_ORDER_WORDS[v] ?? v) : null) },
  allowedOrigins: { label: "websites", show: text },
  openHours: { label: "opening hours", show: text },
  outsideHours: { label: "outside opening hours", show: (v: unknown) => (typeof v === "string" ? (CALLBACK_OUTSIDE_WORDS[v] ?? v) : null) },
  requireCaptcha: { label: "CAPTCHA", show: onOff },
};

const DESCRIBE: Record<AuditAction, Describe> = {
  "user.create": (d) => words("Added", text(d.name) ?? text(d.email) ?? "a user", text(d.name) && text(d.email) ? `(${text(d.email)})` : null, role(d.role) && `as ${role(d.role)}`),
  "user.update": (d) =>
    changed(`user ${text(record(d.after).email) ?? text(record(d.before).email) ?? ""}`.trim(), changes(d, { name: { label: "name" }, email: { label: "email" }, role: { label: "role", show: role } })),
  "user.delete": (d) => words("Removed user", text(d.email)),
  "user.password_change": () => "Changed their own password",
  "customer.create": (d) => words("Created customer", quoted(d.name)),
  "customer.update": (d) => changed("the customer", changes(d, { name: { label: "name" }, timeZone: { label: "time zone", show: text } })),
  "customer.suspend": () => "Suspended the customer: its users cannot sign in and its phones make only emergency calls",
  "customer.activate": () => "Reactivated the customer",
  "customer.assignAccountPlan": (d) =>
    d.to === null || d.to === undefined
      ? words("Put the customer back on the partner’s default plan", text(d.accountType) && `for ${accountTypePlural(text(d.accountType)!, 2).toLowerCase()}`)
      : words("Put the customer on plan", quoted(d.planName), text(d.accountType) && `for ${accountTypePlural(text(d.accountType)!, 2).toLowerCase()}`),
  "customer.setCallbackLimits": (d) =>
    changed("the customer’s web-callback limits", changes(d, {
      countries: { label: "countries", show: (v) => (Array.isArray(v) ? (v.length > 0 ? v.join(", ") : "its own country only") : null) },
      maxConcurrent: { label: "callbacks at once", show: text },
      dailySpendLimit: { label: "daily spend limit", show: text },
    })),
  "partner.setCallbackPolicy": (d) =>
    changed("the web-callback number policy", changes(d, {
      allowedNumberTypes: { label: "extra number types", show: (v) => (Array.isArray(v) ? (v.length > 0 ? v.join(", ") : "none") : null) },
      blockedPrefixes: { label: "blocked prefixes", show: (v) => (Array.isArray(v) ? (v.length > 0 ? v.join(", ") : "none") : null) },
    })),
  "customer.assignTariff": (d) => (d.to === null || d.to === undefined ? "Put the customer back on the partner’s default tariff" : words("Put the customer on tariff", quoted(d.tariffName))),
  "partner.create": (d) => words("Created partner", quoted(d.name)),
  "partner.setBillingPolicy": (d) => {
    const on = record(d.after).repriceExistingOnBandChange;
    return typeof on === "boolean" ? `Turned ${on ? "on" : "off"} re-pricing of existing accounts when a purchase reaches a new band` : "Changed the billing policy";
  },
  "billing.purchase": (d) => {
    const quantity = typeof d.quantity === "number" ? d.quantity : null;
    const what = quantity !== null && text(d.accountType) ? `${quantity} ${accountTypePlural(text(d.accountType)!, quantity)}` : "accounts";
    const repriced = typeof d.repriced === "number" && d.repriced > 0 ? `, and re-priced ${d.repriced} existing` : "";
    return `${words("Bought", what, money(d.total, d.currency) && `for ${money(d.total, d.currency)}`)}${repriced}`;
  },
  "billing.setCredit": (d) => {
    const after = record(d.after);
    const limit = money(after.creditLimit, d.currency) ?? "unchanged";
    return after.isPrepaid === false ? `Made the customer postpaid (credit limit ${limit})` : `Set the customer prepaid with a credit limit of ${limit}`;
  },
  "billing.credit": (d) => `${words("Credited", money(d.amount, d.currency) ?? "the balance")}${text(d.reason) ? `: ${text(d.reason)}` : ""}`,
  "accountPlan.create": (d) => {
    const count = bands(d.bands).length;
    return words("Created plan", quoted(d.name), text(d.accountType) && `for ${accountTypePlural(text(d.accountType)!, 2).toLowerCase()}`, count > 0 && `with ${count} ${count === 1 ? "band" : "bands"}`, d.isDefault === true && "(the default)");
  },
  "accountPlan.update": (d) => {
    const currency = record(d.after).currency ?? record(d.before).currency;
    const fields = changes(d, { name: { label: "name" }, currency: { label: "currency", show: text }, setupFee: { label: "setup fee", show: (v) => money(v, currency) } });
    return changed(words("plan", quoted(record(d.after).name ?? record(d.before).name)), [...fields, ...bandChanges(d)]);
  },
  "accountPlan.delete": (d) => words("Deleted plan", quoted(d.name)),
  "accountPlan.setDefault": (d) => words("Made plan", quoted(d.name), "the default", text(d.accountType) && `for ${accountTypePlural(text(d.accountType)!, 2).toLowerCase()}`),
  "tariff.create": (d) => words("Created tariff", quoted(d.name), text(d.currency) && `in ${text(d.currency)}`, d.isDefault === true && "(the default)"),
  "tariff.update": (d) => changed(words("tariff", quoted(record(d.after).name ?? record(d.before).name)), changes(d, { name: { label: "name" }, currency: { label: "currency", show: text } })),
  "tariff.delete": (d) => words("Deleted tariff", quoted(d.name)),
  "tariff.setDefault": (d) => words("Made tariff", quoted(d.name), "the default"),
  "tariff.importRates": (d) => {
    const counts = [["added", d.created], ["updated", d.updated], ["removed", d.deleted]].flatMap(([label, n]) => (typeof n === "number" && n > 0 ? [`${viewerFormat.number(n)} ${label}`] : []));
    const mode = d.mode === "replace" ? "replacing all rates" : d.mode === "merge" ? "merged" : null;
    return `${words("Imported rates", mode && `(${mode})`)}${counts.length ? `: ${list(counts)}` : ""}`;
  },
  "tariff.rate.create": (d) => words("Added the rate for", rateSubject(d), rateTerms(d)),
  "tariff.rate.update": (d) => words("Changed the rate for", rateSubject(d), rateTerms(d)),
  "tariff.rate.delete": (d) => words("Deleted the rate for", rateSubject(d)),
  "extension.create": (d) => words("Added extension", extensionSubject(d), text(d.username) && `on SIP account ${text(d.username)}`),
  "extension.update": (d) => {
    const parts = changes(d, {
      number: { label: "number", show: text },
      displayName: { label: "name" },
      ownerUserId: { label: "owner", show: (v) => (text(v) ? "a user" : null) },
      voicemailEnabled: { label: "voicemail", show: onOff },
      outboundCli: { label: "outbound number", show: (v) => text(v) ?? "the company default" },
    });
    if (d.isPinChanged === true) parts.push("a new voicemail PIN");
    return changed(words("extension", extensionSubject(record(d.after))), parts);
  },
  "extension.delete": (d) => {
    const unrouted = Array.isArray(d.unroutedDids) ? d.unroutedDids.flatMap((n) => (text(n) ? [text(n)!] : [])) : [];
    const freed = text(d.username) ? `; SIP account ${text(d.username)} is free again` : "";
    const numbers = unrouted.length > 0 ? `; ${list(unrouted)} no longer ${unrouted.length === 1 ? "rings" : "ring"} anywhere` : "";
    return `${words("Deleted extension", extensionSubject(d))}${freed}${numbers}`;
  },
  "callerId.verify": (d) => words("Verified mobile", phone(d.number), "by SMS code for caller ID"),
  "callerId.addUnverified": (d) => words("Added mobile", phone(d.number), "as caller ID without verification"),
  "callerId.remove": (d) => {
    const cleared = typeof d.clearedExtensions === "number" && d.clearedExtensions > 0 ? `; ${d.clearedExtensions} ${d.clearedExtensions === 1 ? "extension" : "extensions"} went back to the company number` : "";
    return `${words("Removed caller-ID mobile", phone(d.number))}${cleared}`;
  },
  "sms.setGateway": (d) => words("Set up the Twilio SMS gateway", text(d.fromNumber) && `sending from ${phone(d.fromNumber)}`),
  "sms.removeGateway": () => "Removed the SMS gateway: texts go to the outbox",
  "partner.setCallerIdPolicy": (d) =>
    record(d.after).allowUnverifiedMobileCli === true ? "Allowed customers to use mobiles as caller ID without SMS verification" : "Required SMS verification of mobiles used as caller ID",
  "extension.regenerateCredentials": (d) => words("Issued new SIP credentials for extension", extensionSubject(d), text(d.username) && `(account ${text(d.username)})`),
  "numbers.buy": (d) => words("Bought number", text(d.number), text(d.tier) && `(${text(d.tier)})`, money(d.monthlyFee, d.currency) && `at ${money(d.monthlyFee, d.currency)}/month`),
  "numbers.order": (d) => words("Ordered number", text(d.number), text(d.supplier) && `from ${text(d.supplier)}`),
  "numbers.cancel": (d) => words("Cancelled number", text(d.number), d.source === "SUPPLIER" ? "and released it to the supplier" : "; it rests in quarantine before it is sold again"),
  "didSupplier.create": (d) => words("Added DID supplier", quoted(d.name)),
  "didSupplier.update": (d) => words("Changed DID supplier", quoted(d.name), d.keyChanged === true && "and its API key", d.isEnabled === false && "(disabled)"),
  "didSupplier.delete": (d) => words("Removed DID supplier", quoted(d.name)),
  "numbers.inventory.create": (d) => words("Added", text(d.number) ?? "a number", "to stock", text(d.area) && `(${text(d.area)})`, stockPrices(d)),
  "numbers.inventory.update": (d) => {
    const currency = d.currency ?? record(d.after).currency;
    const price = (v: unknown) => money(v, currency ?? "GBP");
    return changed(words("stock number", text(d.number)), changes(d, { area: { label: "area" }, setupPrice: { label: "setup price", show: price }, monthlyPrice: { label: "monthly price", show: price } }));
  },
  "numbers.inventory.retire": (d) => words("Retired", text(d.number) ?? "a number", "from stock"),
  "numbers.inventory.import": (d) => {
    const counts = typeof d.imported === "number" ? `${viewerFormat.number(d.imported)} number${d.imported === 1 ? "" : "s"}` : "numbers";
    const refused = typeof d.rejected === "number" && d.rejected > 0 ? `; ${viewerFormat.number(d.rejected)} rejected row${d.rejected === 1 ? "" : "s"} left out` : "";
    return `Imported ${counts} into stock from a file${refused}`;
  },
  "numbers.tier.create": (d) => words("Created number tier", quoted(d.name), tierTerms(d)),
  "numbers.tier.update": (d) => words("Changed number tier", quoted(record(d.after).name ?? record(d.before).name), tierTerms(record(d.after))),
  "numbers.tier.delete": (d) => words("Deleted number tier", quoted(d.name)),
  "numbers.price.upsert": (d) => words("Set the supplier number price for", text(d.countryIso) ?? "a country", stockPrices(d)),
  "numbers.price.delete": (d) => words("Removed the supplier number price for", text(d.countryIso) ?? "a country", "(no longer offered)"),
  "forwarding.save": (d) => changed(words("the forwarding of extension", extensionSubject(d)), changes(d, FORWARDING_FIELDS)),
  "forwarding.setDoNotDisturb": (d) => words(d.doNotDisturb === true ? "Turned on" : "Turned off", "do not disturb for extension", extensionSubject(d)),
  "huntGroup.create": (d) => words("Created hunt group", text(d.number), quoted(d.name), typeof d.members === "number" && `with ${d.members} ${d.members === 1 ? "member" : "members"}`),
  "huntGroup.update": (d) =>
    changed(words("hunt group", text(record(d.after).number), quoted(record(d.after).name)), changes(d, HUNT_GROUP_FIELDS)),
  "huntGroup.delete": (d) => words("Deleted hunt group", text(d.number), quoted(d.name)),
  "number.setDestination": (d) => words("Pointed number", text(d.number), "at", text(d.after) ?? "a new destination", text(d.before) && `(was ${text(d.before)})`),
  "routing.rules.save": (d) => {
    const count = Array.isArray(d.after) ? d.after.length : null;
    const rules = count === null ? "the call rules" : count === 0 ? "all call rules" : `${count} call rule${count === 1 ? "" : "s"}`;
    return words(count === 0 ? "Removed" : "Saved", rules, "of", text(d.owner) ?? "a number or extension");
  },
  "routing.holiday.add": (d) => words("Added holiday", quoted(d.name), text(d.date) && `on ${text(d.date)}`),
  "routing.holiday.remove": (d) => words("Removed holiday", quoted(d.name), text(d.date) && `on ${text(d.date)}`),
  "ivrMenu.create": (d) => words("Created IVR menu", quoted(d.name)),
  "ivrMenu.update": (d) => changed(words("IVR menu", quoted(record(d.after).name)), changes(d, IVR_MENU_FIELDS)),
  "ivrMenu.delete": (d) => words("Deleted IVR menu", quoted(d.name)),
  "callQueue.create": (d) => words("Created call queue", text(d.number), quoted(d.name)),
  "callQueue.update": (d) => changed(words("call queue", text(record(d.after).number), quoted(record(d.after).name)), changes(d, CALL_QUEUE_FIELDS)),
  "callQueue.delete": (d) => words("Deleted call queue", text(d.number), quoted(d.name)),
  "voicePrompt.create": (d) => words(d.source === "TTS" ? "Created spoken prompt" : "Uploaded prompt", quoted(d.name), text(d.file) && `from ${quoted(d.file)}`),
  "voicePrompt.rename": (d) => words("Renamed prompt", quoted(d.before), "to", quoted(d.after)),
  "voicePrompt.delete": (d) => words("Deleted prompt", quoted(d.name)),
  "recording.delete": (d) => words("Deleted the recording of a call from", text(d.caller), "to", text(d.called)),
  "recording.setSettings": (d) => changed(words("call recording of extension", text(d.extension)), changes(d, RECORDING_FIELDS)),
  "recording.setRetention": (d) => words("Set recordings to be kept", retention(d.after), `(was ${retention(d.before)})`),
  "routing.blockList.add": (d) => words("Blocked calls from", text(d.number)),
  "routing.blockList.remove": (d) => words("Unblocked calls from", text(d.number)),
  "routing.speedDial.create": (d) => words("Created speed dial", text(d.code), quoted(d.label), text(d.number) && `to ${text(d.number)}`),
  "routing.speedDial.update": (d) => words("Changed speed dial", text(d.code), quoted(d.label), text(d.number) && `to ${text(d.number)}`),
  "routing.speedDial.delete": (d) => words("Deleted speed dial", text(d.code), quoted(d.label)),
  "callbackWidget.created": (d) => words("Created callback widget", quoted(d.name), text(d.destination) && `ringing ${text(d.destination)}`),
  "callbackWidget.updated": (d) => changed(words("callback widget", quoted(record(d.after).name)), changes(d, CALLBACK_WIDGET_FIELDS)),
  "callbackWidget.deleted": (d) => words("Deleted callback widget", quoted(d.name)),
  "callQueue.setMemberLogin": (d) => words(d.isLoggedIn === true ? "Logged extension" : "Logged out extension", text(d.extension), d.isLoggedIn === true ? "in to" : "of", "call queue", text(d.queue)),
  "apiKey.created": (d) => words("Created API key", quoted(d.name), text(d.prefix) && `(${text(d.prefix)}…)`, text(d.rateLimitPerMinute) && `allowing ${text(d.rateLimitPerMinute)} callbacks a minute`),
  "apiKey.revoked": (d) => words("Revoked API key", quoted(d.name), text(d.prefix) && `(${text(d.prefix)}…)`),
  "apiKey.updated": (d) => changed(words("API key", quoted(record(d.after).name), text(record(d.after).prefix) && `(${text(record(d.after).prefix)}…)`), changes(d, API_KEY_FIELDS)),
};

const API_KEY_FIELDS = {
  name: { label: "name" },
  sipAccountId: { label: "line", show: (v: unknown) => (v ? "one line" : "any line") },
  rateLimitPerMinute: { label: "limit a minute", show: text },
};

/** ": set up £5.00, £1.50 a month", for a number's or a country's base price. */
function stockPrices(d: Details) {
  const currency = text(d.currency) ?? "GBP";
  const parts = [text(d.setupPrice) && `set up ${money(d.setupPrice, currency)}`, text(d.monthlyPrice) && `${money(d.monthlyPrice, currency)} a month`].filter(Boolean);
  return parts.length ? `: ${parts.join(", ")}` : null;
}

/** "(rank 3; 4 or more of the same digit in a row; +50 setup, +5 a month)". */
function tierTerms(d: Details) {
  const rules = ZTierRules.safeParse(d.rules);
  const parts = [
    text(d.rank) && `rank ${text(d.rank)}`,
    rules.success && rules.data.map(describeRule).join(" or "),
    text(d.setupPremium) && `+${text(d.setupPremium)} setup`,
    text(d.monthlyPremium) && `+${text(d.monthlyPremium)} a month`,
  ].filter(Boolean);
  return parts.length ? `(${parts.join("; ")})` : null;
}

function extensionSubject(d: Details) {
  return words(text(d.number), text(d.displayName) && `(${text(d.displayName)})`) || null;
}

function rateSubject(d: Details) {
  return words(text(d.prefix) ? `prefix ${text(d.prefix)}` : "a prefix", text(d.description) && `(${text(d.description)})`);
}

function rateTerms(d: Details) {
  const parts = [
    text(d.ratePerMinute) && `${text(d.ratePerMinute)} a minute`,
    text(d.connectFee) && Number(d.connectFee) !== 0 && `${text(d.connectFee)} to connect`,
    ruleSeconds(d.incrementSec) && `billed per ${ruleSeconds(d.incrementSec)}`,
    ruleSeconds(d.minimumSec) && Number(d.minimumSec) > 0 && `minimum ${ruleSeconds(d.minimumSec)}`,
  ].filter((p): p is string => typeof p === "string");
  return parts.length ? `: ${parts.join(", ")}` : null;
}

function isKnownAction(action: string): action is AuditAction {
  return Object.hasOwn(DESCRIBE, action);
}

/** One sentence for an audit row. An action this build does not know reads as its words. */
export function describeEntry(action: string, details: unknown, format: Formatter = formatterFor()): string {
  if (isKnownAction(action)) {
    viewerFormat = format;
    try {
      return DESCRIBE[action](record(details)).replace(/\s+:/g, ":");
    } finally {
      viewerFormat = formatterFor();
    }
  }
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
