/**
 * Inputs of the customer's number management. Browser-safe: the destination dialog validates
 * with the same schemas. A destination names its kind and the one thing that kind needs;
 * whether that thing exists and belongs to the company is the service's question.
 */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../../validation/text";

/** Every kind a number can point at; later modules (hunt groups, IVRs, queues) add theirs here. */
export const DESTINATION_KINDS = ["extension", "voicemail", "fax", "huntGroup", "ivr", "queue", "external", "none"] as const;
export type DestinationKindName = (typeof DESTINATION_KINDS)[number];

export const ZDestination = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("extension"), extensionId: ZRecordId }),
  z.object({ kind: z.literal("voicemail"), extensionId: ZRecordId }),
  z.object({ kind: z.literal("fax"), sipAccountId: ZRecordId }),
  z.object({ kind: z.literal("huntGroup"), huntGroupId: ZRecordId }),
  z.object({ kind: z.literal("ivr"), ivrMenuId: ZRecordId }),
  z.object({ kind: z.literal("queue"), queueId: ZRecordId }),
  /** As the person typed it: national form in the company's country, or international. */
  z.object({ kind: z.literal("external"), number: singleLine().min(1, "Enter the number to forward to").max(40, "Use at most 40 characters") }),
  z.object({ kind: z.literal("none") }),
]);
export type TDestination = z.infer<typeof ZDestination>;

export const ZSetDestinationInput = z.object({ didId: ZRecordId, destination: ZDestination });
export type TSetDestinationInput = z.infer<typeof ZSetDestinationInput>;
