import type { ReactNode } from "react";
import { getQueryClient, trpc } from "@/server/api/rsc";
import { fetchOrNotFound } from "../../fetch-or-not-found";
import { requireStaffRole } from "../../staff-user";

/** Partner admins, and only for their own customers: 403 and 404 decided before anything streams. */
export default async function CustomerLayout({ children, params }: { children: ReactNode; params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  await requireStaffRole(`/admin/customers/${customerId}`, "PARTNER_ADMIN");
  await fetchOrNotFound(() => getQueryClient().fetchQuery(trpc.admin.customer.get.queryOptions({ id: customerId })));
  return children;
}
