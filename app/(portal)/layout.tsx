import { redirect } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { getSessionUser } from "@/server/auth";
import { homePathFor } from "@/server/auth/session-user";
import { FormatProvider } from "@/components/format/format-provider";
import { AppShell } from "@/components/layout/app-shell";
import { portalNav } from "@/components/layout/nav-items";
import { SignInRedirect } from "@/components/layout/sign-in-redirect";
import { ROLE_LABELS } from "@/components/users/role-badge";

/** The customer portal: company admins and extension users. Staff belong in the back office. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) {
    return (
      <Suspense>
        <SignInRedirect />
      </Suspense>
    );
  }
  if (!user.tenantId) redirect(homePathFor(user.role));

  return (
    <FormatProvider settings={user.format}>
      <AppShell
        areaLabel="Customer portal"
        organisation={user.tenantName ?? "Your company"}
        nav={portalNav(user.role)}
        user={{ name: user.name, roleLabel: ROLE_LABELS[user.role] }}
      >
        {children}
      </AppShell>
    </FormatProvider>
  );
}
