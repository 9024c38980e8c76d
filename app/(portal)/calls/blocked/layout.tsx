import type { ReactNode } from "react";
import { requirePortalAdmin } from "../../portal-user";

/** Administrators only. Checked here, above the loading state, so others get a real 403. */
export default async function AdminOnlyLayout({ children }: { children: ReactNode }) {
  await requirePortalAdmin("/calls/blocked");
  return children;
}
