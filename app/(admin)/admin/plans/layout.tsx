import type { ReactNode } from "react";
import { requireStaffRole } from "../staff-user";

/** Checked here, above the loading state, so other staff get a real 403. */
export default async function StaffRoleLayout({ children }: { children: ReactNode }) {
  await requireStaffRole("/admin/plans", "PARTNER_ADMIN");
  return children;
}
