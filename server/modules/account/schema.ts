import { z } from "zod";
import { singleLine } from "../../validation/text";
import { ZNewPassword } from "../users/schema";

export const ZChangePasswordInput = z
  .object({
    currentPassword: singleLine({ trim: false }).min(1, "Enter your current password").max(200),
    newPassword: ZNewPassword,
    confirmPassword: singleLine({ trim: false }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password you have not been using" });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
