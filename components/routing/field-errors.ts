/**
 * Form errors keyed by dotted path ("followMe.steps.1.ringSec"), from the browser's own zod
 * check or from the server's field errors (which use the same paths), so every message lands
 * on the entry it is about.
 */
import type { z } from "zod";
import type { DestinationGroup } from "@/server/modules/numbers/tenant/destinations";
import type { TRoutingDestination } from "@/server/modules/routing/stored";
import { destinationKey } from "./destination-key";

export type FieldErrors = Record<string, string>;

/** The first message for each path of a failed parse. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    out[path] ??= issue.message;
  }
  return out;
}

/** Errors under `prefix.`, with the prefix stripped: what one part of a form shows. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  return out;
}

/** A destination in words, for announcements and list rows: the picker's own label for it. */
export function destinationName(d: TRoutingDestination, groups: readonly DestinationGroup[]): string {
  if (d.kind === "external") return d.number.trim() === "" ? "An outside number" : d.number;
  if (d.kind === "voicemail" && d.extensionId === null) return "The general voicemail box";
  const key = destinationKey(d);
  for (const g of groups) for (const o of g.options) if (`${g.kind}:${o.value}` === key) return o.label;
  return "A deleted destination";
}
