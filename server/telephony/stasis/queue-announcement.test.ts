import { describe, expect, it } from "vitest";
import { positionMedia, waitMedia } from "./queue-announcement";
import { expectedWaitSec, QueueWaitStats } from "./queue-wait-estimate";

describe("queue announcements", () => {
  it("says first in line, or app_queue's 'there are N calls waiting'", () => {
    expect(positionMedia(1)).toEqual(["sound:queue-youarenext"]);
    expect(positionMedia(3)).toEqual(["sound:queue-thereare", "number:3", "sound:queue-callswaiting"]);
  });

  it("says the expected wait in minutes, 'less than 1 minute' under a minute", () => {
    expect(waitMedia(20)).toEqual(["sound:queue-holdtime", "sound:queue-less-than", "number:1", "sound:queue-minute"]);
    expect(waitMedia(70)).toEqual(["sound:queue-holdtime", "number:1", "sound:queue-minute"]);
    expect(waitMedia(200)).toEqual(["sound:queue-holdtime", "number:3", "sound:queue-minutes"]);
  });
});

describe("expected wait", () => {
  it("without answered callers: one ring of the members per caller ahead and including this one", () => {
    expect(expectedWaitSec(null, 3, 100, 20)).toBe(60);
  });

  it("with answered callers: their average per place in line, less what was waited, never negative", () => {
    const stats = new QueueWaitStats();
    stats.answered("q", 30);
    stats.answered("q", 90);
    expect(stats.averageSec("q")).toBe(60);
    expect(stats.averageSec("other")).toBeNull();
    expect(expectedWaitSec(stats.averageSec("q"), 2, 45, 20)).toBe(75);
    expect(expectedWaitSec(stats.averageSec("q"), 1, 300, 20)).toBe(0);
  });

  it("remembers only the last ten answered waits", () => {
    const stats = new QueueWaitStats();
    for (let i = 0; i < 10; i++) stats.answered("q", 1000);
    for (let i = 0; i < 10; i++) stats.answered("q", 10);
    expect(stats.averageSec("q")).toBe(10);
  });
});
