-- Announce every write to the rows a session depends on, so that each web process's cache of
-- session users (server/auth/session-user-cache.ts) drops what changed. Triggers rather than
-- calls in the services: no code path, raw SQL or psql session can forget them. pg_notify
-- inside the writing transaction is delivered at its commit, and never on a rollback.
-- Any change to a row counts, not a list of columns, so a field added to what a session reads
-- needs nothing here; these tables are written rarely enough for that to cost nothing.

CREATE FUNCTION "session_user_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_id text; -- stays null for TRUNCATE, which has no row: listeners then forget everything
BEGIN
  IF TG_OP = 'DELETE' THEN
    row_id := OLD."id";
  ELSIF TG_OP IN ('INSERT', 'UPDATE') THEN
    row_id := NEW."id";
  END IF;
  PERFORM pg_notify('session_user_changed', json_build_object('table', TG_TABLE_NAME, 'id', row_id)::text);
  RETURN NULL;
END;
$$;

-- INSERT too, for User: a lookup of an id that did not exist yet may be cached as "no such user".
CREATE TRIGGER "User_session_user_changed" AFTER INSERT OR UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "session_user_changed"();
CREATE TRIGGER "Tenant_session_user_changed" AFTER UPDATE OR DELETE ON "Tenant"
  FOR EACH ROW EXECUTE FUNCTION "session_user_changed"();
CREATE TRIGGER "Partner_session_user_changed" AFTER UPDATE OR DELETE ON "Partner"
  FOR EACH ROW EXECUTE FUNCTION "session_user_changed"();

CREATE TRIGGER "User_session_user_truncated" AFTER TRUNCATE ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION "session_user_changed"();
CREATE TRIGGER "Tenant_session_user_truncated" AFTER TRUNCATE ON "Tenant"
  FOR EACH STATEMENT EXECUTE FUNCTION "session_user_changed"();
CREATE TRIGGER "Partner_session_user_truncated" AFTER TRUNCATE ON "Partner"
  FOR EACH STATEMENT EXECUTE FUNCTION "session_user_changed"();
