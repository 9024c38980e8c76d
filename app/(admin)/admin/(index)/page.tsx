import { getQueryClient, trpc } from "@/server/api/rsc";
import { HydrateClient } from "@/components/providers/hydrate";
import { CustomersPageClient } from "./customers-page-client";
import { PartnersPageClient } from "./partners-page-client";
import { requireStaffUser } from "../staff-user";

/** Partner admins land on their customers; the platform admin on the partners. */
export default async function AdminHomePage() {
  const user = await requireStaffUser("/admin");
  const queryClient = getQueryClient();
  if (user.role === "PLATFORM_ADMIN") {
    await queryClient.prefetchQuery(trpc.admin.partner.find.queryOptions());
  } else {
    await queryClient.prefetchQuery(trpc.admin.customer.find.queryOptions({}));
  }
  return <HydrateClient>{user.role === "PLATFORM_ADMIN" ? <PartnersPageClient /> : <CustomersPageClient />}</HydrateClient>;
}
