-- Voicemail mailboxes for Asterisk's app_voicemail, read through realtime (res_config_pgsql,
-- asterisk/extconfig.conf). A view, not a table: the portal's extensions stay the only truth,
-- so a mailbox exists exactly while its extension has voicemail on and its company is active.
--
-- context = the tenant id, so two companies' extension 201 are different mailboxes; the worker
-- sends callers to VoiceMail(<number>@<tenant id>). Every tenant also has a "general" mailbox
-- for numbers routed straight to voicemail. uniqueid must be an integer for app_voicemail.
--
-- password: the portal keeps voicemail PINs as Argon2id hashes, which Asterisk cannot check,
-- so this column holds a value no keypad can enter: VoiceMailMain() refuses every PIN until the
-- portal verifies PINs itself. Deposit (VoiceMail()) never asks for it.
--
-- Asterisk connects as a role that can read this view and nothing else (docs/telephony.md).
CREATE VIEW "asterisk_voicemail" AS
SELECT
  abs(hashtext(e."id")) AS "uniqueid",
  e."tenantId" AS "context",
  e."number" AS "mailbox",
  'portal-verifies-pin'::text AS "password",
  e."displayName" AS "fullname",
  NULL::text AS "email",
  NULL::text AS "pager",
  'no'::text AS "attach"
FROM "Extension" e
JOIN "Tenant" t ON t."id" = e."tenantId"
WHERE e."voicemailEnabled" AND t."status" = 'ACTIVE'
UNION ALL
SELECT
  abs(hashtext(t."id" || '/general')) AS "uniqueid",
  t."id" AS "context",
  'general' AS "mailbox",
  'portal-verifies-pin'::text AS "password",
  t."name" AS "fullname",
  NULL::text AS "email",
  NULL::text AS "pager",
  'no'::text AS "attach"
FROM "Tenant" t
WHERE t."status" = 'ACTIVE';
