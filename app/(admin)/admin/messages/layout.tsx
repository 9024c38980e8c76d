import type { ReactNode } from "react";
import { requireStaffRole } from "../staff-user";

/** Checked here, above the loading state, so other staff get a real 403. */
export default async function MessagesLayout({ children }: { children: ReactNode }) {
  await requireStaffRole("/admin/messages", "PARTNER_ADMIN");
  return children;
}
