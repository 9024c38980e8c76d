-- Web callback admission (20261204223300_callback_admission) told "scheduled for an opening"
-- from "for now" by `"notBefore" > now()`. A request for now could land on the wrong side of
-- that: the column keeps milliseconds, so a stamp of now() rounds up half of the time, and an
-- app server whose clock runs a little ahead of the database's stamps the future. Either way
-- the request escaped the concurrency cap. Anything due within a minute is a call for now: it
-- takes one of the company's places, and openings are never that close to each other.
CREATE OR REPLACE FUNCTION callback_request_admit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  taken integer;
  due_by timestamp := now() + interval '1 minute';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('callback-cap:' || NEW."tenantId", 0));
  IF NEW."notBefore" > due_by THEN
    -- Waiting for a widget's next opening: not a call yet, but bounded all the same.
    SELECT count(*) INTO taken FROM "CallbackRequest"
      WHERE "tenantId" = NEW."tenantId" AND "state" = 'QUEUED' AND "notBefore" > due_by;
    IF taken >= 50 THEN
      RAISE EXCEPTION 'CALLBACK_SCHEDULED_CAP: % callbacks already wait for opening time', taken USING ERRCODE = 'P0001';
    END IF;
  ELSE
    SELECT "callbackMaxConcurrent" INTO cap FROM "Tenant" WHERE "id" = NEW."tenantId";
    SELECT count(*) INTO taken FROM "CallbackRequest"
      WHERE "tenantId" = NEW."tenantId" AND "state" IN ('QUEUED', 'CALLING_FIRST', 'CALLING_SECOND', 'CONNECTED') AND "notBefore" <= due_by;
    IF taken >= cap THEN
      RAISE EXCEPTION 'CALLBACK_CONCURRENCY_CAP: % of % callbacks open', taken, cap USING ERRCODE = 'P0001';
    END IF;
    -- Delivered at commit, and only then: a worker never looks for a row it cannot see yet.
    PERFORM pg_notify('callback_queued', '');
  END IF;
  RETURN NEW;
END
$$;
