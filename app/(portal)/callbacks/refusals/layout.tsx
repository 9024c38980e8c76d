import type { ReactNode } from "react";
import { requirePortalAdmin } from "../../portal-user";

/** Refusals show visitors' numbers and addresses: administrators only (a real 403 for others). */
export default async function RefusalsLayout({ children }: { children: ReactNode }) {
  await requirePortalAdmin("/callbacks/refusals");
  return children;
}
