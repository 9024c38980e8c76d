/** Shared types of the cross-tenant cases: each feature's cases live in a file of their own. */
import type { callerFor, seedTwoTenants } from "../../fixtures/seed-tenant";

export type World = Awaited<ReturnType<typeof seedTwoTenants>>;
export type Caller = Awaited<ReturnType<typeof callerFor>>;
/** Acme's admin reaches for Globex's records: the case must see NOT_FOUND or none of them. */
export type Case = (acmeAdmin: Caller, world: World) => Promise<void>;
