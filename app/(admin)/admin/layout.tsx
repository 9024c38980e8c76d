import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { getSessionUser } from "@/server/auth";
import { FormatProvider } from "@/components/format/format-provider";
import { AppShell } from "@/components/layout/app-shell";
import { adminNav } from "@/components/layout/nav-items";
import { SignInRedirect } from "@/components/layout/sign-in-redirect";
import { ROLE_LABELS } from "@/components/users/role-badge";
import { isStaff } from "./staff-user";

export const metadata: Metadata = { title: { default: "Back office", template: "%s · Back office · Centrex Portal" } };

/** The provider's back office. Anyone else signed in gets a 403 page, not a redirect. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) {
    return (
      <Suspense>
        <SignInRedirect />
      </Suspense>
    );
  }
  // Anyone else signed in gets the 403 page (app/forbidden.tsx), not a redirect.
  if (!isStaff(user)) forbidden();

  return (
    <FormatProvider settings={user.format}>
      <AppShell
        areaLabel="Back office"
        organisation={user.partnerName ?? "Centrex platform"}
        nav={adminNav(user.role)}
        user={{ name: user.name, roleLabel: ROLE_LABELS[user.role] }}
      >
        {children}
      </AppShell>
    </FormatProvider>
  );
}
