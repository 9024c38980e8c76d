/**
 * The IVR menus and call queues of compileDialPlan (issue 12): periods parsed once, options
 * indexed by key, timings made safe, numbers indexed like hunt groups'. Never throws: a bad
 * entry is dropped or repaired with a warning. Dangling references are reported with the rest
 * (destination-problem.ts collectRoutingWarnings). A tenant without menus or queues pays for
 * two empty maps and nothing else.
 */
import { safeRingSec } from "./dial-extension";
import { flowId } from "./flow-ids";
import { MENU_DIGITS, type CompiledCallQueue, type CompiledIvrMenu } from "./media-types";
import type { sharedPeriods } from "./period";
import type { CompiledHuntGroup, Destination, Extension, TenantDialPlanInput } from "./types";

interface Indexes {
  extensionsByNumber: ReadonlyMap<string, Extension>;
  huntGroupsByNumber: ReadonlyMap<string, CompiledHuntGroup>;
}

export interface CompiledMedia {
  ivrMenusById: Map<string, CompiledIvrMenu>;
  queuesById: Map<string, CompiledCallQueue>;
  queuesByNumber: Map<string, CompiledCallQueue>;
}

const KNOWN_DIGITS: ReadonlySet<string> = new Set(MENU_DIGITS);

/** A whole number of seconds in [min, max]; config is user input, so anything else is the fallback. */
export function safeSeconds(wanted: unknown, fallback: number, min: number, max: number): number {
  if (typeof wanted !== "number" || !Number.isFinite(wanted)) return fallback;
  return Math.min(Math.max(Math.round(wanted), min), max);
}

export function compileMedia(raw: TenantDialPlanInput, indexes: Indexes, warnings: string[], compilePeriod: ReturnType<typeof sharedPeriods>): CompiledMedia {
  const ivrMenusById = new Map<string, CompiledIvrMenu>();
  const menus = raw.ivrMenus ?? [];
  const directDial = menus.some((m) => m.directDial) ? directDialFacts(indexes.extensionsByNumber) : null;
  for (const menu of menus) {
    if (ivrMenusById.has(menu.id)) {
      warnings.push(`IVR menu ${menu.name} (${menu.id}) is listed twice; ignored`);
      continue;
    }
    const optionsByDigit = new Map<string, Destination>();
    for (const option of menu.options) {
      if (!KNOWN_DIGITS.has(option.digit)) warnings.push(`IVR menu ${menu.name}: "${option.digit}" is not a key of a phone; option ignored`);
      else if (optionsByDigit.has(option.digit)) warnings.push(`IVR menu ${menu.name}: key ${option.digit} has two options; the first wins`);
      else optionsByDigit.set(option.digit, option.destination);
    }
    const hasDirectDial = menu.directDial && directDial !== null && directDial.longest > 0;
    ivrMenusById.set(menu.id, {
      ...menu,
      digitTimeoutSec: safeSeconds(menu.digitTimeoutSec, 5, 1, 30),
      maxRetries: safeSeconds(menu.maxRetries, 3, 0, 10),
      period: menu.activePeriod ? compilePeriod(menu.activePeriod, `IVR menu ${menu.name}`, warnings) : null,
      nodeId: flowId.ivr(menu.id),
      hangupNodeIds: {},
      optionsByDigit,
      maxDigits: hasDirectDial ? Math.max(1, directDial.longest) : 1,
      extensionPrefixes: hasDirectDial ? directDial.prefixes : EMPTY,
      titleLine: `IVR menu ${menu.name}.`,
    });
  }

  const queuesById = new Map<string, CompiledCallQueue>();
  const queuesByNumber = new Map<string, CompiledCallQueue>();
  for (const queue of raw.queues ?? []) {
    const number = queue.number.trim();
    if (queuesById.has(queue.id)) {
      warnings.push(`call queue ${queue.name} (${queue.id}) is listed twice; ignored`);
      continue;
    }
    const compiled: CompiledCallQueue = {
      ...queue,
      number,
      memberRingSec: safeRingSec(queue.memberRingSec, 15),
      retrySec: safeSeconds(queue.retrySec, 5, 0, 600),
      maxWaitSec: safeSeconds(queue.maxWaitSec, 300, 10, 7200),
      announceEverySec: safeSeconds(queue.announceEverySec, 60, 10, 3600),
      nodeId: flowId.queue(queue.id),
      hangupNodeIds: {},
      titleLine: `Call queue ${queue.name} (${number}, ${queue.strategy}).`,
    };
    queuesById.set(queue.id, compiled);
    // Like a hunt group's: an extension's (or hunt group's) number wins, so dialling it never changes meaning.
    if (indexes.extensionsByNumber.has(number)) warnings.push(`call queue ${queue.name}: number ${number} is an extension's; dialling it rings the extension`);
    else if (indexes.huntGroupsByNumber.has(number)) warnings.push(`call queue ${queue.name}: number ${number} is a hunt group's; dialling it rings the hunt group`);
    else if (queuesByNumber.has(number)) warnings.push(`call queue ${queue.name}: number ${number} is another queue's; ignored`);
    else queuesByNumber.set(number, compiled);
  }
  return { ivrMenusById, queuesById, queuesByNumber };
}

const EMPTY: ReadonlySet<string> = new Set();

/** Proper prefixes of every extension number, and the longest number: built once per tenant, only when a menu dials direct. */
function directDialFacts(extensionsByNumber: ReadonlyMap<string, Extension>): { prefixes: ReadonlySet<string>; longest: number } {
  const prefixes = new Set<string>();
  let longest = 0;
  for (const number of extensionsByNumber.keys()) {
    if (number.length > longest) longest = number.length;
    for (let length = 1; length < number.length; length++) prefixes.add(number.slice(0, length));
  }
  return { prefixes, longest };
}
