import { forbidden, redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth";
import type { SessionUser } from "@/server/auth/session-user";

export type PortalUser = SessionUser & { tenantId: string };

/**
 * The signed-in portal user for a page. Layouts and pages render in parallel, so pages check
 * too before prefetching; `path` becomes the `next` that brings them back after signing in.
 */
export async function requirePortalUser(path: string): Promise<PortalUser> {
  const user = await getSessionUser();
  if (!user) redirect(path === "/" ? "/login" : `/login?next=${encodeURIComponent(path)}`);
  if (!user.tenantId) redirect("/admin");
  return { ...user, tenantId: user.tenantId };
}

/**
 * A page for company administrators: anyone else gets the 403 page. Called from the page's
 * layout, which renders before the loading state streams, so the status is really 403.
 */
export async function requirePortalAdmin(path: string): Promise<PortalUser> {
  const user = await requirePortalUser(path);
  if (user.role !== "CUSTOMER_ADMIN") forbidden();
  return user;
}
