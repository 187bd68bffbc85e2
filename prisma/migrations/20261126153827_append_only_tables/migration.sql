-- Append-only tables, enforced by the database itself so that no application
-- bug, script or hurried DBA session can rewrite history through Konsil's role.
--
-- audit_events: the audit trail (who did what to which patient's data).
-- decision_versions: signed tumor-board decisions; a correction is a new version.
--
-- Row triggers catch UPDATE and DELETE; a statement trigger catches TRUNCATE
-- (which fires no row triggers). Removing these triggers needs a migration,
-- which is itself reviewed and recorded in _prisma_migrations.

CREATE FUNCTION konsil_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table "%" is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Write a new row instead (an amendment, or a new audit event).';
END
$$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION konsil_refuse_change();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION konsil_refuse_change();

CREATE TRIGGER decision_versions_append_only
  BEFORE UPDATE OR DELETE ON "decision_versions"
  FOR EACH ROW EXECUTE FUNCTION konsil_refuse_change();

CREATE TRIGGER decision_versions_no_truncate
  BEFORE TRUNCATE ON "decision_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION konsil_refuse_change();
