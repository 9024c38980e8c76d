import { CredentialsSignin } from "next-auth";

/**
 * Thrown from authorize() so the sign-in form can say why: Auth.js passes a CredentialsSignin's
 * `code` through to the caller. Codes: `invalid`, `suspended`, `locked:<minutes>`.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export function signInErrorMessage(code: string | undefined): string {
  if (code?.startsWith("locked:")) {
    const minutes = Number(code.slice("locked:".length)) || 15;
    return `Too many failed sign-in attempts. This account is locked for ${minutes} more minute${minutes === 1 ? "" : "s"}; try again later or ask your administrator.`;
  }
  if (code === "suspended") return "Your company's account is suspended. Contact your provider.";
  return "Wrong email or password.";
}
