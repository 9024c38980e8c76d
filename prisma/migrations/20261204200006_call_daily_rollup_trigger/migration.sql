-- Hand-written (issue 13): the database keeps "CallDailyRollup" as CDRs are inserted, so
-- reports over long ranges read one row per extension, day and direction, never raw CDRs.
-- See docs/reports.md for the mapping.
--
-- Statement-level with a transition table: it fires once per INSERT or COPY, whatever its
-- number of rows, so the worker's batched createMany and the generator's COPY cost one
-- aggregation each. Rows skipped by ON CONFLICT DO NOTHING (a repeated channelId) are not in
-- the transition table, so a duplicate CDR adds nothing.
--
-- Which extension: "CallRecord"."extensionId", the extension the call is about (the caller's
-- for internal and outbound calls, the one rung or answering for inbound ones); '' when none.
-- Which day: the local date "startedAt" falls on in the tenant's time zone ("startedAt" is a
-- UTC timestamp without zone), so a call across midnight counts on the day it started.
-- Status: answered = ANSWERED; missed = NO_ANSWER + VOICEMAIL; busy = BUSY;
-- failed = FAILED + REJECTED. talkSec = billableSec of answered calls; ringSec = answeredAt
-- - startedAt (whole seconds) of answered calls; cost = the sum of rated costs (unrated: 0).
CREATE FUNCTION "call_daily_rollup_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CallDailyRollup" AS r
    ("tenantId", "extensionId", "day", "direction", "calls", "answered", "missed", "busy", "failed", "talkSec", "ringSec", "cost")
  SELECT n."tenantId",
         coalesce(n."extensionId", ''),
         ((n."startedAt" AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date,
         n."direction",
         count(*),
         count(*) FILTER (WHERE n."disposition" = 'ANSWERED'),
         count(*) FILTER (WHERE n."disposition" IN ('NO_ANSWER', 'VOICEMAIL')),
         count(*) FILTER (WHERE n."disposition" = 'BUSY'),
         count(*) FILTER (WHERE n."disposition" IN ('FAILED', 'REJECTED')),
         coalesce(sum(n."billableSec") FILTER (WHERE n."disposition" = 'ANSWERED'), 0),
         coalesce(sum(greatest(0, floor(extract(epoch FROM n."answeredAt" - n."startedAt")))::bigint)
                    FILTER (WHERE n."disposition" = 'ANSWERED' AND n."answeredAt" IS NOT NULL), 0),
         coalesce(sum(n."cost"), 0)
  FROM new_calls n
  JOIN "Tenant" t ON t."id" = n."tenantId"
  GROUP BY 1, 2, 3, 4
  -- One order for every writer, so two concurrent batches lock shared rollup rows in the same
  -- order and cannot deadlock.
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ("tenantId", "extensionId", "day", "direction") DO UPDATE SET
    "calls"    = r."calls"    + EXCLUDED."calls",
    "answered" = r."answered" + EXCLUDED."answered",
    "missed"   = r."missed"   + EXCLUDED."missed",
    "busy"     = r."busy"     + EXCLUDED."busy",
    "failed"   = r."failed"   + EXCLUDED."failed",
    "talkSec"  = r."talkSec"  + EXCLUDED."talkSec",
    "ringSec"  = r."ringSec"  + EXCLUDED."ringSec",
    "cost"     = r."cost"     + EXCLUDED."cost";
  RETURN NULL;
END
$$;

CREATE TRIGGER "CallRecord_daily_rollup"
  AFTER INSERT ON "CallRecord"
  REFERENCING NEW TABLE AS new_calls
  FOR EACH STATEMENT EXECUTE FUNCTION "call_daily_rollup_add"();

-- Rebuilds the whole rollup from the CDRs: for CDRs written before this migration, and after
-- a bulk load made with the trigger disabled (scripts/generate-cdrs.ts). Same aggregation as
-- the trigger's. Run it while nothing else writes CDRs.
CREATE FUNCTION "call_daily_rollup_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "CallDailyRollup";
  INSERT INTO "CallDailyRollup"
    ("tenantId", "extensionId", "day", "direction", "calls", "answered", "missed", "busy", "failed", "talkSec", "ringSec", "cost")
  SELECT c."tenantId",
         coalesce(c."extensionId", ''),
         ((c."startedAt" AT TIME ZONE 'UTC') AT TIME ZONE t."timeZone")::date,
         c."direction",
         count(*),
         count(*) FILTER (WHERE c."disposition" = 'ANSWERED'),
         count(*) FILTER (WHERE c."disposition" IN ('NO_ANSWER', 'VOICEMAIL')),
         count(*) FILTER (WHERE c."disposition" = 'BUSY'),
         count(*) FILTER (WHERE c."disposition" IN ('FAILED', 'REJECTED')),
         coalesce(sum(c."billableSec") FILTER (WHERE c."disposition" = 'ANSWERED'), 0),
         coalesce(sum(greatest(0, floor(extract(epoch FROM c."answeredAt" - c."startedAt")))::bigint)
                    FILTER (WHERE c."disposition" = 'ANSWERED' AND c."answeredAt" IS NOT NULL), 0),
         coalesce(sum(c."cost"), 0)
  FROM "CallRecord" c
  JOIN "Tenant" t ON t."id" = c."tenantId"
  GROUP BY 1, 2, 3, 4;
$$;

SELECT "call_daily_rollup_rebuild"();
