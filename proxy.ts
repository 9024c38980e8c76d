import { NextResponse, type NextRequest } from "next/server";

// Auth.js's session cookie names (the __Secure- one over HTTPS).
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Sends visitors without a session cookie to the sign-in page before anything renders, keeping
 * where they were going in `next`. Only the cookie's presence is checked here: whether the
 * session is still valid (expiry, suspension, password change) is decided by the pages and
 * the API from the database.
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but sign-in, the API (which answers 401 itself), Next's assets and static files.
  matcher: ["/((?!login|api/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|ico|css|js|txt)$).*)"],
};
