const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Throws unless `url` is a PostgreSQL URL on this machine. Test setup creates, seeds and drops
 * databases, so a stray DATABASE_URL pointing at staging or production must stop the run
 * before anything is written (the guard Dub puts in front of its e2e suite).
 */
export function assertLocalDatabaseUrl(url: string, source = "DATABASE_URL"): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error(`${source} is not a valid URL; tests refuse to guess where it points.`);
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`${source} points at "${host}". Tests only run against a local database (localhost or 127.0.0.1).`);
  }
}
