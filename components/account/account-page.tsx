import type { SessionUser } from "@/server/auth/session-user";
import { Card, DetailList } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/users/role-badge";
import { ChangePasswordForm } from "./change-password-form";

/** "My account" for both the portal and the back office. */
export function AccountPage({ user }: { user: SessionUser }) {
  const organisation = user.tenantName ?? user.partnerName;
  return (
    <>
      <PageHeader title="My account" description="Your sign-in details." />
      <div className="space-y-6">
        <Card title="Profile" description="To change your name or email, ask an administrator.">
          <DetailList
            items={[
              { label: "Name", value: user.name },
              { label: "Email", value: user.email },
              { label: "Role", value: <RoleBadge role={user.role} /> },
              ...(organisation ? [{ label: user.tenantName ? "Company" : "Partner", value: organisation }] : []),
            ]}
          />
        </Card>
        <Card title="Change password">
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
