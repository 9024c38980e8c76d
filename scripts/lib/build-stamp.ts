/**
 * Whether `.next` was built from the sources on disk now: `npm start` rebuilds only when it
 * was not. The stamp is a hash of every input of `next build` (contents, not mtimes, so a
 * fresh clone or a `git checkout` that restores old files is judged by what they say).
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "./child-processes";

/** Folders whose files go into the build; `server/generated` is the Prisma client, an input too. */
const SOURCE_DIRS = ["app", "components", "server", "public", "prisma"];
const SOURCE_FILES = ["next.config.js", "package.json", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "proxy.ts", "instrumentation.ts"];
/** Never inputs: tests and benches are not bundled, and migrations are SQL the web does not load. */
const IGNORED = /(\.test\.tsx?$|\.integration\.test\.tsx?$|(^|\/)migrations\/)/;
const stampFile = (root: string) => path.join(root, ".next", "source-stamp");

async function listFiles(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) return listFiles(root, rel);
      return Promise.resolve(e.isFile() && !IGNORED.test(rel) ? [rel] : []);
    }),
  );
  return nested.flat();
}

/** The hash of every build input under `root`, in a stable order. */
export async function sourceStamp(root: string = REPO_ROOT): Promise<string> {
  const nested = await Promise.all(SOURCE_DIRS.map((dir) => listFiles(root, dir)));
  const files = [...nested.flat(), ...SOURCE_FILES.filter((f) => existsSync(path.join(root, f)))].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(root, file)));
    hash.update("\0");
  }
  // NEXT_PUBLIC_* values are inlined into the client bundle: a change needs a new build.
  for (const [key, value] of Object.entries(process.env).filter(([k]) => k.startsWith("NEXT_PUBLIC_")).sort()) {
    hash.update(`${key}=${value ?? ""}\0`);
  }
  return hash.digest("hex");
}

/** True when a complete production build exists and was made from `stamp`. */
export async function isBuildCurrent(stamp: string, root: string = REPO_ROOT): Promise<boolean> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  const built = await readFile(stampFile(root), "utf8").catch(() => "");
  return built.trim() === stamp;
}

/** Records that the build in `.next` came from `stamp`; call only after `next build` succeeded. */
export const writeBuildStamp = (stamp: string, root: string = REPO_ROOT) => writeFile(stampFile(root), `${stamp}\n`);
