import { forbidden, redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth";
import type { SessionUser } from "@/server/auth/session-user";

export const isStaff = (user: Pick<SessionUser, "role">) => user.role === "PLATFORM_ADMIN" || user.role === "PARTNER_ADMIN";

/**
 * The signed-in staff member for a back-office page; anyone else signed in gets the 403 page
 * (forbidden()). Called from layouts, which render before any loading state streams, so the
 * status reaches the browser; pages call it too, as layouts and pages render in parallel.
 */
export async function requireStaffUser(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!isStaff(user)) forbidden();
  return user;
}

/** A back-office page for one kind of staff: partner pages for partner admins, platform pages for the platform admin. */
export async function requireStaffRole(path: string, role: "PARTNER_ADMIN" | "PLATFORM_ADMIN"): Promise<SessionUser> {
  const user = await requireStaffUser(path);
  if (user.role !== role) forbidden();
  return user;
}
