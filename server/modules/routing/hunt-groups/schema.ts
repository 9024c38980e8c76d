/**
 * Inputs of hunt groups. Browser-safe: the hunt-group form validates with the same schemas.
 * Strategy names are the engine's (HuntGroupConfig.strategy); the service maps them to the
 * database enum.
 */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../../validation/text";
import { ZExtensionNumber } from "../../extensions/schema";
import { ZRingSec, ZRoutingDestination } from "../stored";

export const HUNT_STRATEGIES = ["ringAll", "inOrder", "roundRobin", "leastUsed", "random"] as const;
export type HuntStrategyName = (typeof HUNT_STRATEGIES)[number];
export const LEAST_USED_MEASURES = ["answeredToday", "longestIdle"] as const;
export type LeastUsedMeasureName = (typeof LEAST_USED_MEASURES)[number];

/** More members than this is a call centre, which wants a queue rather than a hunt group. */
export const MAX_HUNT_GROUP_MEMBERS = 50;

export const ZHuntGroupId = z.object({ id: ZRecordId });
export type THuntGroupId = z.infer<typeof ZHuntGroupId>;

export const ZHuntGroupMemberInput = z.object({ extensionId: ZRecordId, ringSec: ZRingSec });

const fields = {
  name: singleLine().min(1, "Enter a name").max(40, "Use at most 40 characters"),
  /** Dialled like an extension, so it shares the extensions' number space. */
  number: ZExtensionNumber,
  strategy: z.enum(HUNT_STRATEGIES),
  leastUsedBy: z.enum(LEAST_USED_MEASURES),
  /** The most the whole group rings before the call goes to `overflow`. */
  ringSec: z.number().int().min(5, "Ring for at least 5 seconds").max(600, "Ring for at most 600 seconds"),
  allowCallWaiting: z.boolean(),
  /** null = hang up. */
  overflow: ZRoutingDestination.nullable(),
  /** In ringing order. */
  members: z
    .array(ZHuntGroupMemberInput)
    .max(MAX_HUNT_GROUP_MEMBERS, `At most ${MAX_HUNT_GROUP_MEMBERS} members`)
    .refine((m) => new Set(m.map((x) => x.extensionId)).size === m.length, "Add each extension once"),
};

export const ZCreateHuntGroupInput = z.object(fields);
export type TCreateHuntGroupInput = z.infer<typeof ZCreateHuntGroupInput>;

export const ZUpdateHuntGroupInput = z.object({ id: ZRecordId, ...fields });
export type TUpdateHuntGroupInput = z.infer<typeof ZUpdateHuntGroupInput>;
