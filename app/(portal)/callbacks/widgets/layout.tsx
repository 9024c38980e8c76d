import type { ReactNode } from "react";
import { requirePortalAdmin } from "../../portal-user";

/** Widgets are the company's public face: administrators only, checked above every loading state so others get a real 403. */
export default async function CallbackWidgetsLayout({ children }: { children: ReactNode }) {
  await requirePortalAdmin("/callbacks/widgets");
  return children;
}
