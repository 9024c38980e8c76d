import { env } from "../env.js";
import { getSessionUser } from "../auth";
import { clientIp } from "../auth/client-ip";
import { createContextInner } from "./context";

/** Context for an HTTP request: the database-backed session user and the client IP. */
export async function createContext(req: Request) {
  return createContextInner({ user: await getSessionUser(), ip: clientIp(req.headers, env.TRUST_PROXY) });
}
