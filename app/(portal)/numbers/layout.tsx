import type { ReactNode } from "react";
import { requirePortalAdmin } from "../portal-user";

/** Numbers are the company's and cost money: administrators only, checked above every loading state so others get a real 403. */
export default async function NumbersLayout({ children }: { children: ReactNode }) {
  await requirePortalAdmin("/numbers");
  return children;
}
