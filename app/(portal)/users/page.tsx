import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { AccessDenied } from "@/components/layout/access-denied";
import { requirePortalUser } from "../portal-user";
import { UsersPageClient } from "./page-client";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePortalUser("/users");
  if (user.role !== "CUSTOMER_ADMIN") return <AccessDenied />;
  await getQueryClient().prefetchQuery(trpc.user.find.queryOptions());
  return (
    <HydrateClient>
      <UsersPageClient currentUserId={user.id} />
    </HydrateClient>
  );
}
