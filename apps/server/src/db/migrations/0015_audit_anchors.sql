CREATE TABLE "audit_anchors" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"signature" text
);
--> statement-breakpoint
-- Anchors are never changed or removed once written; neither are audit rows and timeline events, also not by TRUNCATE.
CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER item_events_no_truncate BEFORE TRUNCATE ON item_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- The anchors belong to a role of their own: the application keeps SELECT and INSERT, so it can neither switch the
-- triggers off (only an owner may) nor drop the table. Where the migrating role may not do this, the table stays
-- its own and docs/operations.md says how a DBA hands it over.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jqt_audit_anchor') THEN
    CREATE ROLE jqt_audit_anchor NOLOGIN;
  END IF;
  EXECUTE format('GRANT SELECT, INSERT ON audit_anchors TO %I', current_user);
  ALTER TABLE audit_anchors OWNER TO jqt_audit_anchor;
EXCEPTION WHEN insufficient_privilege OR duplicate_object THEN
  RAISE NOTICE 'audit_anchors stays owned by %: see docs/operations.md', current_user;
END $$;
