-- CreateTable
CREATE TABLE "RevokedSession" (
    "sessionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE INDEX "RevokedSession_userId_idx" ON "RevokedSession"("userId");

-- CreateIndex
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "RevokedSession" ADD CONSTRAINT "RevokedSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A sign-out is a change to what its user's sessions may do: announce it on the channel the
-- session-user cache and the event streams already hear (20261201233300_session_user_notify),
-- as a change of that User, so both act on it at commit. Only INSERT: a row is deleted once
-- every copy of its session has expired, and then nothing needs to hear about it.
CREATE FUNCTION "revoked_session_announced"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('session_user_changed', json_build_object('table', 'User', 'id', NEW."userId")::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "RevokedSession_announced" AFTER INSERT ON "RevokedSession"
  FOR EACH ROW EXECUTE FUNCTION "revoked_session_announced"();
