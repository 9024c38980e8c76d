import { getSessionUser } from "../auth";
import { readClientAddress } from "../web/client-address-header";
import { createContextInner } from "./context";

/** Context for an HTTP request: the database-backed session user and the client IP. */
export async function createContext(req: Request) {
  return createContextInner({ user: await getSessionUser(), ip: readClientAddress(req.headers) });
}
