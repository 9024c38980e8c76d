import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HomePageClient } from "@/components/home/home-page-client";
import { HydrateClient } from "@/components/providers/hydrate";
import { PageHeader } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/users/role-badge";
import { requirePortalUser } from "../portal-user";

export const metadata: Metadata = { title: "Home" };

/** What a company's people see first: admins the company's figures, everyone their own phone. */
export default async function HomePage() {
  const user = await requirePortalUser("/");
  const isAdmin = user.role === "CUSTOMER_ADMIN";
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.home.mine.queryOptions()),
    queryClient.prefetchQuery(trpc.presence.find.queryOptions()),
    ...(isAdmin ? [queryClient.prefetchQuery(trpc.home.admin.queryOptions())] : []),
  ]);
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
      <HydrateClient>
        <HomePageClient isAdmin={isAdmin} />
      </HydrateClient>
    </>
  );
}
