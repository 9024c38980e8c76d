import type { ReactNode } from "react";
import { NumbersAdminTabs } from "@/components/numbers-admin/numbers-admin-tabs";
import { requireStaffRole } from "../staff-user";

/** Checked here, above the loading state, so other staff get a real 403; the tabs serve every Numbers page. */
export default async function NumbersAdminLayout({ children }: { children: ReactNode }) {
  await requireStaffRole("/admin/numbers", "PARTNER_ADMIN");
  return (
    <>
      <NumbersAdminTabs />
      {children}
    </>
  );
}
