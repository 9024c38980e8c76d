import type { Metadata } from "next";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { requirePortalAdmin } from "../portal-user";
import { UsersPageClient } from "./page-client";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePortalAdmin("/users");
  await getQueryClient().prefetchQuery(trpc.user.find.queryOptions());
  return (
    <HydrateClient>
      <UsersPageClient currentUserId={user.id} />
    </HydrateClient>
  );
}
