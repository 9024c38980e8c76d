import { z } from "zod";
import { singleLine, ZRecordId } from "../../validation/text";

export const TENANT_ROLES = ["CUSTOMER_ADMIN", "EXTENSION_USER"] as const;
export const TENANT_ROLE_LABELS: Record<(typeof TENANT_ROLES)[number], string> = {
  CUSTOMER_ADMIN: "Administrator",
  EXTENSION_USER: "Extension user",
};

export const ZEmail = singleLine().toLowerCase().pipe(z.email("Enter a valid email address").max(254));
export const ZPersonName = singleLine().min(1, "Enter a name").max(80, "Use at most 80 characters");
export const ZNewPassword = singleLine({ trim: false })
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters")
  .refine((p) => /\D/.test(p) && /\d|[^A-Za-z]/.test(p), "Mix letters with digits or symbols");

export const ZUserId = z.object({ id: ZRecordId });

export const ZCreateUserInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  role: z.enum(TENANT_ROLES),
  password: ZNewPassword,
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z.object({
  id: ZRecordId,
  name: ZPersonName,
  email: ZEmail,
  role: z.enum(TENANT_ROLES),
});
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;
