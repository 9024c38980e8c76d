import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFileStore } from "./local-file-store";
import { parseTenantFileKey, tenantFileKey } from "./tenant-file-key";

let root: string;
let store: LocalFileStore;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "media-store-"));
  store = new LocalFileStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const promptOf = (tenantId: string, fileId: string) => tenantFileKey({ tenantId, kind: "prompts", fileId, ext: "wav" });

describe("tenantFileKey", () => {
  it("puts each tenant's files in its own folder and round-trips", () => {
    const key = promptOf("ten_A1", "clx9prompt");
    expect(key).toBe("ten_A1/prompts/clx9prompt.wav");
    expect(parseTenantFileKey(key)).toEqual({ tenantId: "ten_A1", kind: "prompts", fileId: "clx9prompt", ext: "wav" });
  });

  it.each(["..", "../other", "a/b", "a.b", "", "x".repeat(65), "id\u0000", "id\n"])("refuses %j as an id", (bad) => {
    expect(() => promptOf(bad, "f1")).toThrow(/not a tenant id/);
    expect(() => promptOf("t1", bad)).toThrow(/not a file id/);
  });

  it("refuses kinds and extensions it does not know", () => {
    expect(() => tenantFileKey({ tenantId: "t1", kind: "secrets" as never, fileId: "f", ext: "wav" })).toThrow(/not a media kind/);
    expect(() => tenantFileKey({ tenantId: "t1", kind: "prompts", fileId: "f", ext: "php" as never })).toThrow(/not a media extension/);
    expect(parseTenantFileKey("t1/prompts/f.php")).toBeNull();
    expect(parseTenantFileKey("../t1/prompts/f.wav")).toBeNull();
  });
});

describe("LocalFileStore", () => {
  it("stores, reads and deletes a file under its tenant's folder", async () => {
    const key = promptOf("t1", "p1");
    await store.put(key, Buffer.from("RIFF-bytes"));
    expect((await store.get(key))?.bytes.toString()).toBe("RIFF-bytes");
    expect(await store.exists(key)).toBe(true);
    expect(readdirSync(path.join(root, "t1", "prompts"))).toEqual(["p1.wav"]);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it("replaces a file whole and leaves no partial file behind", async () => {
    const key = promptOf("t1", "p1");
    await store.put(key, Buffer.alloc(1000, 1));
    await store.put(key, Buffer.alloc(10, 2));
    expect((await store.get(key))?.bytes).toEqual(Buffer.alloc(10, 2));
    expect(readdirSync(path.join(root, "t1", "prompts"))).toEqual(["p1.wav"]);
  });

  it("cleans up after a write that fails at the rename", async () => {
    const key = promptOf("t1", "p1");
    // A folder where the file should go: the data is written, then the rename into place fails.
    mkdirSync(path.join(root, "t1", "prompts", "p1.wav"), { recursive: true });
    await expect(store.put(key, Buffer.from("new"))).rejects.toThrow();
    expect(readdirSync(path.join(root, "t1", "prompts"))).toEqual(["p1.wav"]);
  });

  it("never resolves a key outside its root, whoever built it", async () => {
    for (const key of ["../escape/prompts/x.wav", "/etc/passwd", "t1/prompts/../../x.wav", "t1\\..\\x.wav"]) {
      await expect(store.get(key), key).rejects.toThrow(/not a media file key/);
      await expect(store.put(key, Buffer.from("x")), key).rejects.toThrow(/not a media file key/);
    }
    expect(readdirSync(root)).toEqual([]);
  });
});
