-- Web callback (issue 14): the database admits a CallbackRequest only while its company has a
-- free place, whoever inserts it. The check and the insert are one statement for the intake
-- (one round trip instead of an interactive transaction), and the advisory lock makes
-- concurrent inserts of one company wait for each other, so two requests can never take the
-- last free place together. PL/pgSQL runs each query with a fresh snapshot, so the count taken
-- after the lock sees every insert that held it before.
CREATE FUNCTION callback_request_admit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cap integer;
  taken integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('callback-cap:' || NEW."tenantId", 0));
  IF NEW."notBefore" > now() THEN
    -- Waiting for a widget's next opening: not a call yet, but bounded all the same.
    SELECT count(*) INTO taken FROM "CallbackRequest"
      WHERE "tenantId" = NEW."tenantId" AND "state" = 'QUEUED' AND "notBefore" > now();
    IF taken >= 50 THEN
      RAISE EXCEPTION 'CALLBACK_SCHEDULED_CAP: % callbacks already wait for opening time', taken USING ERRCODE = 'P0001';
    END IF;
  ELSE
    SELECT "callbackMaxConcurrent" INTO cap FROM "Tenant" WHERE "id" = NEW."tenantId";
    SELECT count(*) INTO taken FROM "CallbackRequest"
      WHERE "tenantId" = NEW."tenantId" AND "state" IN ('QUEUED', 'CALLING_FIRST', 'CALLING_SECOND', 'CONNECTED') AND "notBefore" <= now();
    IF taken >= cap THEN
      RAISE EXCEPTION 'CALLBACK_CONCURRENCY_CAP: % of % callbacks open', taken, cap USING ERRCODE = 'P0001';
    END IF;
    -- Delivered at commit, and only then: a worker never looks for a row it cannot see yet.
    PERFORM pg_notify('callback_queued', '');
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "CallbackRequest_admit" BEFORE INSERT ON "CallbackRequest"
  FOR EACH ROW EXECUTE FUNCTION callback_request_admit();
