-- The admission trigger (20261205151000_callback_admission_clock_margin) sent NOTIFY
-- callback_queued from inside every insert. PostgreSQL takes one database-wide lock for a
-- transaction that notifies and holds it through its commit, WAL flush included, so every
-- accepted callback of every company committed one after another: 10 concurrent intakes of
-- 10 companies inserted ~2,000 requests/s with it, ~3,800/s without. The intake now wakes the
-- workers itself after its insert has committed (server/modules/callbacks/wake-workers.ts),
-- one NOTIFY for all the requests a web process accepted meanwhile; the workers' poll still
-- finds a request whose wake-up was lost. The function is otherwise unchanged.
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
  END IF;
  RETURN NEW;
END
$$;
