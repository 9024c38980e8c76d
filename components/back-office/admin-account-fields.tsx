import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/form-field";

type AdminFieldName = "adminName" | "adminEmail" | "adminPassword";

type AdminAccountFieldsProps = {
  register: Record<AdminFieldName, UseFormRegisterReturn>;
  errors: Partial<Record<AdminFieldName, string | undefined>>;
};

/** The first (or an extra) administrator's sign-in, shared by the customer and partner forms. */
export function AdminAccountFields({ register, errors }: AdminAccountFieldsProps) {
  return (
    <>
      <TextField label="Admin name" autoComplete="off" error={errors.adminName} {...register.adminName} />
      <TextField label="Admin email" type="email" autoComplete="off" error={errors.adminEmail} {...register.adminEmail} />
      <TextField
        label="Admin password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, mixing letters with digits or symbols. Share it with them securely."
        error={errors.adminPassword}
        {...register.adminPassword}
      />
    </>
  );
}
