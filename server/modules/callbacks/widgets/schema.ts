/**
 * Inputs of the "Call me now" widgets (issue 14). Browser-safe: the widget form validates with
 * the same schemas, and the server checks the references (the company's own extensions, hunt
 * groups, IVR menus and queues) and whether a CAPTCHA can be required.
 */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../../validation/text";
import { ZRoutingDestination, ZTimePeriod, type TRoutingDestination } from "../../routing/stored";
import { contrastRatio, formatRatio, HEX_COLOUR, MIN_CONTRAST } from "./contrast";
import { MAX_ORIGIN_LENGTH, normaliseOrigin } from "./origins";

export const CALLBACK_ORDERS = ["VISITOR_FIRST", "COMPANY_FIRST"] as const;
export const OUTSIDE_HOURS_CHOICES = ["CLOSED", "NEXT_OPENING", "ALTERNATE_DESTINATION"] as const;
export const MAX_ALLOWED_ORIGINS = 20;

/** Where a widget's calls may go: places in the company that answer a caller. */
export const WIDGET_DESTINATION_KINDS = ["extension", "huntGroup", "ivr", "queue"] as const;
/**
 * Ringing the company first means someone must answer before the visitor is called: a person
 * (an extension) or a team (a hunt group), never a menu or a queue that answers by itself.
 */
export const COMPANY_FIRST_DESTINATION_KINDS = ["extension", "huntGroup"] as const;

const isOneOf = (kinds: readonly string[], d: TRoutingDestination) => kinds.includes(d.kind);

/** The routing destination, saying "choose one" when none was. */
const ZChosenDestination = z.discriminatedUnion("kind", ZRoutingDestination.options, {
  error: (issue) => (issue.input === null || issue.input === undefined ? "Choose where calls go" : undefined),
});
const ZWidgetDestination = ZChosenDestination.refine((d) => isOneOf(WIDGET_DESTINATION_KINDS, d), "Choose an extension, a hunt group, an IVR menu or a call queue");

const ZAllowedOrigin = singleLine()
  .max(MAX_ORIGIN_LENGTH, `Use at most ${MAX_ORIGIN_LENGTH} characters`)
  .transform((value, ctx) => {
    const checked = normaliseOrigin(value);
    if (checked.ok) return checked.origin;
    ctx.issues.push({ code: "custom", message: checked.message, input: value });
    return z.NEVER;
  });

const ZColour = singleLine().regex(HEX_COLOUR, "Use a colour such as #1d4ed8").transform((c) => c.toLowerCase());

const text = (max: number, empty: string) => singleLine().min(1, empty).max(max, `Use at most ${max} characters`);

const fields = {
  name: text(60, "Enter a name, such as Website contact page"),
  isEnabled: z.boolean(),
  destination: ZWidgetDestination,
  order: z.enum(CALLBACK_ORDERS),
  allowedOrigins: z
    .array(ZAllowedOrigin)
    .min(1, "Add the website the widget goes on, such as https://www.example.com")
    .max(MAX_ALLOWED_ORIGINS, `At most ${MAX_ALLOWED_ORIGINS} websites`),
  /** null = always open. */
  openHours: ZTimePeriod.nullable(),
  outsideHours: z.enum(OUTSIDE_HOURS_CHOICES),
  /** Only with ALTERNATE_DESTINATION, and then required. */
  outsideDestination: ZWidgetDestination.nullable(),
  title: text(60, "Enter a title, such as Call me now"),
  introText: text(200, "Tell visitors what happens, such as We call you back within a minute"),
  buttonLabel: text(30, "Enter the button's words, such as Call me"),
  closedText: text(200, "Tell visitors when you are open"),
  successText: text(200, "Tell visitors their call is on its way"),
  accentColor: ZColour,
  accentTextColor: ZColour,
  /** Allowed only when the server has a CAPTCHA service configured (it says so in formOptions). */
  requireCaptcha: z.boolean(),
};

type Fields = z.infer<z.ZodObject<typeof fields>>;

/** The rules between fields; each issue names the field the form shows it on. */
function checkWidget(w: Fields, ctx: z.RefinementCtx) {
  const seen = new Map<string, number>();
  w.allowedOrigins.forEach((origin, i) => {
    if (seen.has(origin)) ctx.addIssue({ code: "custom", path: ["allowedOrigins", i], message: `${origin} is already listed (number ${seen.get(origin)! + 1})` });
    else seen.set(origin, i);
  });
  const companyFirst = (path: string, d: TRoutingDestination | null) => {
    if (w.order === "COMPANY_FIRST" && d && !isOneOf(COMPANY_FIRST_DESTINATION_KINDS, d)) {
      ctx.addIssue({ code: "custom", path: [path], message: "When your side is called first, choose an extension or a hunt group: someone must answer before the visitor is called" });
    }
  };
  companyFirst("destination", w.destination);
  if (w.outsideHours === "ALTERNATE_DESTINATION" && w.outsideDestination === null) {
    ctx.addIssue({ code: "custom", path: ["outsideDestination"], message: "Choose where calls go outside opening hours" });
  } else if (w.outsideHours !== "ALTERNATE_DESTINATION" && w.outsideDestination !== null) {
    ctx.addIssue({ code: "custom", path: ["outsideDestination"], message: "Only used when calls go elsewhere outside opening hours" });
  }
  companyFirst("outsideDestination", w.outsideDestination);
  const ratio = contrastRatio(w.accentColor, w.accentTextColor);
  if (ratio < MIN_CONTRAST) {
    ctx.addIssue({
      code: "custom",
      path: ["accentTextColor"],
      message: `The text on the accent colour has a contrast of ${formatRatio(ratio)}; use at least ${MIN_CONTRAST}:1 so every visitor can read the button`,
    });
  }
}

export const ZCallbackWidgetInput = z.object(fields).superRefine(checkWidget);
export type TCallbackWidgetInput = z.infer<typeof ZCallbackWidgetInput>;
/** What the form holds: origins as typed, before they are normalised. */
export type TCallbackWidgetDraft = z.input<typeof ZCallbackWidgetInput>;

export const ZCreateCallbackWidgetInput = ZCallbackWidgetInput;
export type TCreateCallbackWidgetInput = TCallbackWidgetInput;

export const ZUpdateCallbackWidgetInput = z.object({ id: ZRecordId, ...fields }).superRefine(checkWidget);
export type TUpdateCallbackWidgetInput = z.infer<typeof ZUpdateCallbackWidgetInput>;

export const ZCallbackWidgetId = z.object({ id: ZRecordId });
export const ZCallbackTestStatusInput = z.object({ requestId: ZRecordId });

/** A new widget's starting point: texts people can keep, colours that pass the contrast check. */
export const NEW_WIDGET_DEFAULTS = {
  name: "",
  isEnabled: true,
  order: "VISITOR_FIRST",
  allowedOrigins: [""],
  openHours: null,
  outsideHours: "CLOSED",
  outsideDestination: null,
  title: "Call me now",
  introText: "Leave your number and we call you back straight away.",
  buttonLabel: "Call me",
  closedText: "We are closed right now. Please try again during our opening hours.",
  successText: "Thank you: your phone will ring in a moment.",
  accentColor: "#1d4ed8",
  accentTextColor: "#ffffff",
  requireCaptcha: false,
} as const satisfies Omit<TCallbackWidgetDraft, "destination">;
