import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { isBuildCurrent, sourceStamp, writeBuildStamp } from "./build-stamp";

let root: string;
const put = async (rel: string, text: string) => {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), text);
};

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "build-stamp-"));
  await put("app/page.tsx", "export default 1;");
  await put("server/env.js", "export {};");
  await put("package.json", "{}");
});
afterEach(() => rm(root, { recursive: true, force: true }));

it("changes with any build input's content, not with tests or migrations", async () => {
  const first = await sourceStamp(root);
  expect(await sourceStamp(root)).toBe(first);
  await put("server/modules/x/service.test.ts", "it()");
  await put("prisma/migrations/1_x/migration.sql", "select 1;");
  expect(await sourceStamp(root)).toBe(first);
  await put("app/page.tsx", "export default 2;");
  expect(await sourceStamp(root)).not.toBe(first);
});

it("counts a build current only with BUILD_ID and the same stamp", async () => {
  const stamp = await sourceStamp(root);
  expect(await isBuildCurrent(stamp, root)).toBe(false);
  await put(".next/BUILD_ID", "abc");
  expect(await isBuildCurrent(stamp, root)).toBe(false);
  await writeBuildStamp(stamp, root);
  expect(await isBuildCurrent(stamp, root)).toBe(true);
  await put("components/new.tsx", "export {};");
  expect(await isBuildCurrent(await sourceStamp(root), root)).toBe(false);
});
