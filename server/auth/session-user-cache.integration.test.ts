import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { TEST_PASSWORD, callerFor, seedPartner, seedTenant } from "@/tests/fixtures/seed-tenant";
import { readSessionUserRecord } from "./session-user";
import { SessionUserCache } from "./session-user-cache";

type World = Awaited<ReturnType<typeof seedTenant>> & { partner: { id: string }; partnerAdmin: { id: string } };

const caches: SessionUserCache[] = [];
const newCache = (options: Partial<ConstructorParameters<typeof SessionUserCache>[0]> = {}) => {
  const cache = new SessionUserCache({ connectionString: process.env.DATABASE_URL!, maxBackoffMs: 100, ...options });
  caches.push(cache);
  return cache;
};
const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);
const signedIn = (signedInAt: Date) => ({ sessionId: `session-${signedInAt.getTime()}`, signedInAt });
const terminateListeners = () =>
  db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'centrex-web-session-users' AND datname = current_database()`;

/**
 * Seeds a partner with one customer, then waits until `cache` has heard every notification the
 * seeding sent: a listener gets notifications in commit order, so one sent last comes last.
 */
async function seedWorld(cache: SessionUserCache): Promise<World> {
  const { partner, admin: partnerAdmin } = await seedPartner();
  const world = { ...(await seedTenant({ partnerId: partner.id, extensionUsers: 2 })), partner, partnerAdmin };
  await vi.waitFor(() => expect(cache.isListening()).toBe(true));
  const sentinel = `sentinel-${partner.id}`;
  const heard = cache.changeApplied("User", sentinel);
  await db.$executeRaw`SELECT pg_notify('session_user_changed', ${JSON.stringify({ table: "User", id: sentinel })})`;
  await heard;
  return world;
}

/** Runs a write and waits until `cache` has applied the notification it caused. */
async function committed(cache: SessionUserCache, table: "User" | "Tenant" | "Partner", id: string, write: () => Promise<unknown>) {
  const applied = cache.changeApplied(table, id);
  await write();
  await applied;
}

describe("[AUTH] session-user cache over LISTEN/NOTIFY", () => {
  let cache: SessionUserCache;
  beforeAll(async () => {
    cache = newCache();
    await cache.ready();
    expect(cache.isListening()).toBe(true);
  });
  afterAll(() => Promise.all(caches.map((c) => c.close())));

  it("answers repeated lookups from memory after one database read", async () => {
    const world = await seedWorld(cache);
    const { reads, hits } = cache.stats;
    const first = await cache.lookup(world.admin.id, signedIn(new Date()));
    expect(first).toMatchObject({ id: world.admin.id, role: "CUSTOMER_ADMIN", tenantId: world.tenant.id, tenantName: world.tenant.name });
    for (let i = 0; i < 5; i++) expect(await cache.lookup(world.admin.id, signedIn(new Date()))).toEqual(first);
    expect(cache.stats).toEqual({ reads: reads + 1, hits: hits + 5 });
  });

  it("refuses a suspended company's users on the first lookup after the notification, and lets them back", async () => {
    const world = await seedWorld(cache);
    const user = world.users[0]!;
    expect(await cache.lookup(user.id)).not.toBeNull();
    const partnerAdmin = await callerFor(world.partnerAdmin.id);

    await committed(cache, "Tenant", world.tenant.id, () => partnerAdmin.admin.customer.setStatus({ id: world.tenant.id, status: "SUSPENDED" }));
    expect(await cache.lookup(user.id)).toBeNull();
    expect(await cache.lookup(user.id)).toBeNull(); // the refusal is cached too...

    await committed(cache, "Tenant", world.tenant.id, () => partnerAdmin.admin.customer.setStatus({ id: world.tenant.id, status: "ACTIVE" }));
    expect(await cache.lookup(user.id)).not.toBeNull(); // ...and dropped the same way
  });

  it("voids sessions from before a password change on the first lookup after the notification", async () => {
    const world = await seedWorld(cache);
    const user = world.users[0]!;
    // An account an hour old, signed in a minute ago.
    await committed(cache, "User", user.id, () => db.user.update({ where: { id: user.id }, data: { sessionsValidFrom: secondsAgo(3600) } }));
    const session = signedIn(secondsAgo(60));
    expect(await cache.lookup(user.id, session)).not.toBeNull();

    const newPassword = "Another-password-2";
    const self = await callerFor(user.id);
    await committed(cache, "User", user.id, () => self.account.changePassword({ currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword }));
    expect(await cache.lookup(user.id, session)).toBeNull();
    expect(await cache.lookup(user.id, signedIn(new Date(Date.now() + 1000)))).not.toBeNull(); // signed in again since
  });

  it("applies a role change, a removal and renames on the first lookup after the notification", async () => {
    const world = await seedWorld(cache);
    const [user, other] = [world.users[0]!, world.users[1]!];
    for (const id of [user.id, other.id, world.partnerAdmin.id]) await cache.lookup(id);
    const admin = await callerFor(world.admin.id);

    await committed(cache, "User", user.id, () => admin.user.update({ id: user.id, name: "Promoted", email: user.email, role: "CUSTOMER_ADMIN" }));
    expect(await cache.lookup(user.id)).toMatchObject({ role: "CUSTOMER_ADMIN", name: "Promoted" });

    await committed(cache, "User", other.id, () => admin.user.delete({ id: other.id }));
    expect(await cache.lookup(other.id)).toBeNull();

    const partnerAdmin = await callerFor(world.partnerAdmin.id);
    await committed(cache, "Tenant", world.tenant.id, () => partnerAdmin.admin.customer.update({ id: world.tenant.id, name: "Renamed Ltd" }));
    expect(await cache.lookup(user.id)).toMatchObject({ tenantName: "Renamed Ltd" });

    const name = `Renamed partner ${world.partner.id}`;
    await committed(cache, "Partner", world.partner.id, () => db.partner.update({ where: { id: world.partner.id }, data: { name } }));
    expect(await cache.lookup(world.partnerAdmin.id)).toMatchObject({ partnerName: name });

    // The partner's locale is read by its customers' people too, whose records hold it only through their tenant.
    await committed(cache, "Partner", world.partner.id, () => db.partner.update({ where: { id: world.partner.id }, data: { locale: "en-US" } }));
    expect(await cache.lookup(user.id)).toMatchObject({ format: { locale: "en-US", timeZone: "Europe/London" } });
  });

  it("does not keep a row read before a change that committed while the read was under way", async () => {
    let rowRead = () => {};
    let release = () => {};
    const wasRead = new Promise<void>((resolve) => (rowRead = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // The first read hands back its row only after the test has committed a change and the
    // notification has been applied: a request that straddles a commit.
    const racing = newCache({
      read: async (userId) => {
        const row = await readSessionUserRecord(userId);
        rowRead();
        await released;
        return row;
      },
    });
    await racing.ready();
    const world = await seedWorld(racing);

    const straddling = racing.lookup(world.users[0]!.id);
    await wasRead;
    await committed(racing, "Tenant", world.tenant.id, () => db.tenant.update({ where: { id: world.tenant.id }, data: { status: "SUSPENDED" } }));
    release();
    expect(await straddling).not.toBeNull(); // it began before the change, so it may pass
    expect(await racing.lookup(world.users[0]!.id)).toBeNull(); // the next one must not
    expect(racing.stats.reads).toBe(2);
  });

  it("reads the database while the LISTEN connection is down, and empties the cache on reconnecting", async () => {
    // Reconnects 1.5 s after the loss: time enough for the lookups below, made while it is down.
    const dropping = newCache({ minBackoffMs: 1_500, maxBackoffMs: 1_500, log: () => {} });
    await dropping.ready();
    const user = (await seedWorld(dropping)).users[0]!;
    await dropping.lookup(user.id);
    await dropping.lookup(user.id);
    expect(dropping.stats).toEqual({ reads: 1, hits: 1 });

    await terminateListeners();
    await vi.waitFor(() => expect(dropping.isListening()).toBe(false));
    // Changed while nobody listens: no notification will ever say so.
    await db.user.update({ where: { id: user.id }, data: { role: "CUSTOMER_ADMIN" } });
    for (let i = 0; i < 3; i++) expect(await dropping.lookup(user.id)).toMatchObject({ role: "CUSTOMER_ADMIN" });
    expect(dropping.stats).toEqual({ reads: 4, hits: 1 });

    await vi.waitFor(() => expect(dropping.isListening()).toBe(true), { timeout: 5_000 });
    await dropping.lookup(user.id);
    await dropping.lookup(user.id);
    expect(dropping.stats).toEqual({ reads: 5, hits: 2 });
  });

  it("reads the database on every lookup while LISTEN cannot connect at all", async () => {
    const world = await seedWorld(cache);
    const url = new URL(process.env.DATABASE_URL!);
    url.port = "1"; // nothing listens there
    const unreachable = newCache({ connectionString: url.toString(), log: () => {} });
    for (let i = 0; i < 3; i++) expect(await unreachable.lookup(world.admin.id)).toMatchObject({ id: world.admin.id });
    expect(unreachable.isListening()).toBe(false);
    expect(unreachable.stats).toEqual({ reads: 3, hits: 0 });
  });
});
