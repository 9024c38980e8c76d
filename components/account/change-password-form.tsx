"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { signOutAction } from "@/app/(auth)/login/actions";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { applyServerFieldErrors, errorMessage } from "@/components/ui/errors";
import { TextField } from "@/components/ui/form-field";
import { CheckCircleIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { ZChangePasswordInput } from "@/server/modules/account/schema";

/** How long the success message shows before signing out. */
const SIGN_OUT_DELAY_MS = 2500;

/**
 * Changes the signed-in user's password. The server voids every session on success,
 * this one included, so the form says so and then signs out.
 */
export function ChangePasswordForm() {
  const trpc = useTRPC();
  const toast = useToast();
  const [isChanged, setChanged] = useState(false);
  const form = useForm({
    resolver: zodResolver(ZChangePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => setChanged(true),
      onError: (err) => {
        if (!applyServerFieldErrors(err, form.setError)) toast({ variant: "error", description: errorMessage(err) });
      },
    }),
  );

  useEffect(() => {
    if (!isChanged) return;
    const timer = setTimeout(() => void signOutAction(), SIGN_OUT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [isChanged]);

  if (isChanged) {
    return (
      <div role="status" className="flex items-start gap-3 rounded-md border border-green-200 bg-green-50 p-4 text-sm text-green-900">
        <CheckCircleIcon className="size-5 shrink-0 text-green-700" />
        <div>
          <p className="font-medium">Password changed. Sign in again.</p>
          <p className="mt-1 text-green-800">You are being signed out of every device…</p>
        </div>
      </div>
    );
  }

  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => change.mutate(values))} className="max-w-md space-y-4">
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register("currentPassword")}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, mixing letters with digits or symbols."
        error={errors.newPassword?.message}
        {...form.register("newPassword")}
      />
      <TextField
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...form.register("confirmPassword")}
      />
      <p className="text-sm text-gray-600">Changing your password signs you out everywhere, including here.</p>
      <Button type="submit" isLoading={change.isPending}>
        Change password
      </Button>
    </form>
  );
}
