/**
 * Inputs of call queues. Browser-safe: the queue form validates with the same schemas.
 * Strategies are the hunt groups' (the engine's names); bounds match the database's CHECKs.
 */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";
import { ZExtensionNumber } from "../extensions/schema";
import { HUNT_STRATEGIES, LEAST_USED_MEASURES } from "../routing/hunt-groups/schema";
import { ZRoutingDestination } from "../routing/stored";

export { HUNT_STRATEGIES, LEAST_USED_MEASURES };

export const WHEN_NO_MEMBERS = ["wait", "leave"] as const;
export type WhenNoMembers = (typeof WHEN_NO_MEMBERS)[number];

/** A call centre's worth; more wants a dedicated contact-centre product. */
export const MAX_QUEUE_MEMBERS = 100;

export const ZCallQueueId = z.object({ id: ZRecordId });

const seconds = (min: number, max: number, what: string) =>
  z.number().int("Use whole seconds").min(min, `${what} at least ${min} seconds`).max(max, `${what} at most ${max} seconds`);

const fields = {
  name: singleLine().min(1, "Enter a name").max(40, "Use at most 40 characters"),
  /** Dialled like an extension, so it shares the extensions' number space. */
  number: ZExtensionNumber,
  strategy: z.enum(HUNT_STRATEGIES),
  leastUsedBy: z.enum(LEAST_USED_MEASURES),
  memberRingSec: seconds(5, 300, "Ring"),
  retrySec: z.number().int("Use whole seconds").min(0, "Use 0 or more seconds").max(60, "Pause at most 60 seconds"),
  maxWaitSec: z.number().int("Use whole seconds").min(10, "Let callers wait at least 10 seconds").max(7200, "Let callers wait at most 2 hours"),
  /** After the maximum wait; null = hang up. */
  timeoutDestination: ZRoutingDestination.nullable(),
  /** null = music on hold. */
  holdPromptId: ZRecordId.nullable(),
  announcePosition: z.boolean(),
  announceWaitTime: z.boolean(),
  announceEverySec: seconds(15, 600, "Announce every"),
  whenNoMembers: z.enum(WHEN_NO_MEMBERS),
  /** For "leave"; null = hang up. */
  noMembersDestination: ZRoutingDestination.nullable(),
  /** Extension ids in ringing order. */
  members: z
    .array(ZRecordId)
    .max(MAX_QUEUE_MEMBERS, `At most ${MAX_QUEUE_MEMBERS} members`)
    .refine((m) => new Set(m).size === m.length, "Add each extension once"),
};

export const ZCreateCallQueueInput = z.object(fields);
export type TCreateCallQueueInput = z.infer<typeof ZCreateCallQueueInput>;

export const ZUpdateCallQueueInput = z.object({ id: ZRecordId, ...fields });
export type TUpdateCallQueueInput = z.infer<typeof ZUpdateCallQueueInput>;

export const ZSetMemberLoginInput = z.object({ queueId: ZRecordId, extensionId: ZRecordId, isLoggedIn: z.boolean() });
export type TSetMemberLoginInput = z.infer<typeof ZSetMemberLoginInput>;
