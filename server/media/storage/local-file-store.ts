/**
 * Media files (voice prompts, call recordings) in a local folder, the demo's and a single
 * machine's store. Writes go to a temporary name in the same folder and are renamed into
 * place, so a reader never sees half a file and a failed write leaves nothing behind.
 * Keys come from tenantFileKey; the resolved path is checked again to stay inside the root.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ListableMediaStore } from "./media-store";
import { parseTenantFileKey, type MediaKind } from "./tenant-file-key";

export interface StoredFile {
  bytes: Buffer;
  sizeBytes: number;
}

export class LocalFileStore implements ListableMediaStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Absolute path of a key; throws for a key tenantFileKey would not have made. */
  pathOf(key: string): string {
    if (parseTenantFileKey(key) === null) throw new Error(`not a media file key: ${JSON.stringify(key)}`);
    const resolved = path.resolve(this.root, key);
    if (!resolved.startsWith(this.root + path.sep)) throw new Error(`media file key escapes the store: ${JSON.stringify(key)}`);
    return resolved;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${randomBytes(6).toString("hex")}.partial`;
    try {
      await writeFile(partial, bytes, { flag: "wx" });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  /** The file, or null when there is none under that key. */
  async get(key: string): Promise<StoredFile | null> {
    try {
      const bytes = await readFile(this.pathOf(key));
      return { bytes, sizeBytes: bytes.length };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  }

  /**
   * Every `<tenant>/<kind>/<id>.<ext>` file under the root. Names tenantFileKey would not make
   * (a `.partial` left by a crash mid-write, anything put there by hand) are not listed.
   */
  async list(kind: MediaKind): Promise<{ key: string; modifiedAt: Date }[]> {
    const tenants = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    const found: { key: string; modifiedAt: Date }[] = [];
    for (const tenant of tenants) {
      if (!tenant.isDirectory()) continue;
      const names = await readdir(path.join(this.root, tenant.name, kind)).catch(() => [] as string[]);
      for (const name of names) {
        const key = `${tenant.name}/${kind}/${name}`;
        if (parseTenantFileKey(key)?.kind !== kind) continue;
        const info = await stat(this.pathOf(key)).catch(() => null);
        if (info?.isFile()) found.push({ key, modifiedAt: info.mtime });
      }
    }
    return found;
  }

  /** Removes the file; removing one that is already gone is not an error (retention jobs retry). */
  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
