import type { ReactNode } from "react";
import { requirePortalAdmin } from "../../portal-user";

/** Administrators only: a key can start calls from any of the company's lines. Checked above the loading state, so others get a real 403. */
export default async function ApiKeysLayout({ children }: { children: ReactNode }) {
  await requirePortalAdmin("/callbacks/api-keys");
  return children;
}
