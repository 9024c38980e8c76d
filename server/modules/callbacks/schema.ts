/** Inputs of the portal's web-callback procedures (issue 14). Browser-safe: the dialog validates with them. */
import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

export const CALLBACK_PAGE_SIZE = 50;

/** What a person clicks or types: an extension number or a phone number; the intake decides if it may be rung. */
export const ZDialledNumber = singleLine().min(1, "Enter a number to call").max(32, "That is too long for a phone number");

export const ZClickToCallInput = z.object({
  sipAccountId: ZRecordId,
  number: ZDialledNumber,
});
export type TClickToCallInput = z.infer<typeof ZClickToCallInput>;

export const ZCallbackId = z.object({ id: ZRecordId });

/** "<ms>.<id>" of the last row of the previous page (rows come newest first). */
export const ZCallbackCursor = singleLine({ trim: false }).regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,40}$/, "Not a valid page cursor");
export const ZCallbackPageInput = z.object({ cursor: ZCallbackCursor.optional() });
export type TCallbackPageInput = z.infer<typeof ZCallbackPageInput>;

export const encodeCursor = (at: Date, id: string | bigint) => `${at.getTime()}.${id}`;
export function decodeCursor(cursor: string): { at: Date; id: string } {
  const dot = cursor.indexOf(".");
  return { at: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1) };
}
