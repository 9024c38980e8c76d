import type { ReactNode } from "react";
import { requireStaffRole } from "../../staff-user";

/** Partner admins only, checked above the loading state so others get a real 403. */
export default async function SuppliersLayout({ children }: { children: ReactNode }) {
  await requireStaffRole("/admin/numbers/suppliers", "PARTNER_ADMIN");
  return children;
}
