import { chmod, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";

export const TEST_DATA_ROOT = path.resolve(import.meta.dirname, "../../.test-data");

/**
 * Creates `.test-data/<kind>-<pid>-XXXXXX`, a folder for one run's PostgreSQL cluster.
 * The pid in the name lets a later run delete folders left by a run that was killed before
 * its teardown, without touching a run that is still going.
 */
export async function createRunDir(kind: string): Promise<string> {
  await mkdir(TEST_DATA_ROOT, { recursive: true });
  await removeAbandonedRunDirs();
  const dir = await mkdtemp(path.join(TEST_DATA_ROOT, `${kind}-${process.pid}-`));
  // mkdtemp makes it 0700; as root, PostgreSQL runs as the `postgres` user and must be able
  // to reach the data folder inside it.
  await chmod(dir, 0o755);
  return dir;
}

export async function removeRunDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

async function removeAbandonedRunDirs(): Promise<void> {
  const entries = await readdir(TEST_DATA_ROOT, { withFileTypes: true });
  for (const entry of entries) {
    const pid = Number(/^[a-z0-9]+-(\d+)-/.exec(entry.name)?.[1]);
    if (!entry.isDirectory() || !pid || isAlive(pid)) continue;
    const dir = path.join(TEST_DATA_ROOT, entry.name);
    // A PostgreSQL that outlived its run still holds the folder; leave it rather than pull
    // the data out from under a live server.
    if (await hasLivePostmaster(dir)) continue;
    await rm(dir, { recursive: true, force: true });
  }
}

async function hasLivePostmaster(runDir: string): Promise<boolean> {
  const pidFile = await readFile(path.join(runDir, "pg", "postmaster.pid"), "utf8").catch(() => "");
  const pid = Number(pidFile.split("\n")[0]);
  return Boolean(pid) && isAlive(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user (e.g. the postgres user).
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
