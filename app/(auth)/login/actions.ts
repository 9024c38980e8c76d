"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/server/auth";
import { signInErrorMessage } from "@/server/auth/sign-in-error";
import { singleLine } from "@/server/validation/text";

export type SignInState = {
  error?: string;
  fieldErrors?: { email?: string; password?: string };
  email?: string;
};

const ZSignInForm = z.object({
  email: singleLine().min(1, "Enter your email address").pipe(z.email("Enter a valid email address")),
  password: singleLine({ trim: false }).min(1, "Enter your password").max(200),
});

/** The sign-in form's action: validates, signs in, then lands the user on their role's home. */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = ZSignInForm.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { email, fieldErrors: { email: fields.email?.[0], password: fields.password?.[0] } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (err) {
    if (err instanceof CredentialsSignin) return { email, error: signInErrorMessage(err.code) };
    if (err instanceof AuthError) return { email, error: "Sign-in is unavailable right now. Try again in a minute." };
    throw err;
  }
  // "/" decides the landing by role (the portal layout sends staff to /admin).
  redirect(safeNext(formData.get("next")) ?? "/");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}

/** Only same-site paths, so the form cannot be used to bounce people to another site. */
function safeNext(value: FormDataEntryValue | null): string | null {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : null;
}
