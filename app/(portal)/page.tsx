import type { Metadata } from "next";
import Link from "next/link";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { Card, DetailList } from "@/components/ui/card";
import { ActivityIcon, ChevronRightIcon, UsersIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/users/role-badge";
import { requirePortalUser, type PortalUser } from "./portal-user";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requirePortalUser("/");
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {user.tenantName} <RoleBadge role={user.role} />
          </span>
        }
      />
      {user.role === "CUSTOMER_ADMIN" ? <AdminHome /> : <ExtensionUserHome user={user} />}
    </>
  );
}

async function AdminHome() {
  const users = await getQueryClient().fetchQuery(trpc.user.find.queryOptions());
  const adminCount = users.filter((u) => u.role === "CUSTOMER_ADMIN").length;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <LinkCard
        href="/users"
        icon={<UsersIcon className="size-6" />}
        title="Users"
        stat={`${users.length} ${users.length === 1 ? "user" : "users"}`}
        detail={`${adminCount} ${adminCount === 1 ? "administrator" : "administrators"}, ${users.length - adminCount} extension ${users.length - adminCount === 1 ? "user" : "users"}`}
      />
      <LinkCard
        href="/activity"
        icon={<ActivityIcon className="size-6" />}
        title="Activity"
        stat="Audit log"
        detail="Who changed what in your company's account, and when."
      />
    </div>
  );
}

function LinkCard({ href, icon, title, stat, detail }: { href: string; icon: React.ReactNode; title: string; stat: string; detail: string }) {
  return (
    <Link
      href={href}
      className="group flex items-start gap-4 rounded-lg border border-gray-200 bg-white p-5 shadow-sm transition hover:border-indigo-300 hover:shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <span className="grid size-11 shrink-0 place-items-center rounded-lg bg-indigo-50 text-indigo-700">{icon}</span>
      <span className="min-w-0 flex-1">
        <span className="block text-sm font-medium text-gray-600">{title}</span>
        <span className="mt-0.5 block text-xl font-semibold text-gray-900">{stat}</span>
        <span className="mt-1 block text-sm text-gray-600">{detail}</span>
      </span>
      <ChevronRightIcon className="size-5 text-gray-400 group-hover:text-indigo-600" />
    </Link>
  );
}

function ExtensionUserHome({ user }: { user: PortalUser }) {
  return (
    <Card
      title="Your details"
      description="Ask your company's administrator if anything here needs changing."
      actions={
        <Link href="/account" className="text-sm font-medium text-indigo-700 hover:text-indigo-900 hover:underline">
          Change your password
        </Link>
      }
    >
      <DetailList
        items={[
          { label: "Name", value: user.name },
          { label: "Email", value: user.email },
          { label: "Role", value: <RoleBadge role={user.role} /> },
          { label: "Company", value: user.tenantName },
        ]}
      />
    </Card>
  );
}
