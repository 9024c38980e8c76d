"use client";

import { useFormStatus } from "react-dom";
import { signOutAction } from "@/app/(auth)/login/actions";
import { LogOutIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";

export type ShellUser = { name: string; roleLabel: string };

/** Who is signed in, and the sign-out button (a form, so it works before hydration too). */
export function UserMenu({ user }: { user: ShellUser }) {
  return (
    <div className="flex items-center gap-3">
      <div className="hidden text-right leading-tight sm:block">
        <p className="text-sm font-medium text-gray-900">{user.name}</p>
        <p className="text-xs text-gray-600">{user.roleLabel}</p>
      </div>
      <span
        aria-hidden="true"
        className="grid size-9 shrink-0 place-items-center rounded-full bg-indigo-100 text-sm font-semibold text-indigo-800"
      >
        {initials(user.name)}
      </span>
      <form action={signOutAction}>
        <SignOutButton />
      </form>
    </div>
  );
}

function SignOutButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="inline-flex h-9 items-center gap-2 rounded-md border border-gray-300 bg-white px-3 text-sm font-medium text-gray-800 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
    >
      {pending ? <Spinner /> : <LogOutIcon className="size-4" />}
      <span className="sr-only sm:not-sr-only">Sign out</span>
    </button>
  );
}

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}
