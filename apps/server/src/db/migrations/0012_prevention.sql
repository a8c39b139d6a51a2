CREATE TABLE "legal_faqs" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"publication_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_warning_deliveries" (
	"warning_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"escalated_at" timestamp with time zone,
	"escalated_to" uuid,
	CONSTRAINT "risk_warning_deliveries_warning_id_enterprise_id_pk" PRIMARY KEY("warning_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "risk_warnings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"risk_kind" text NOT NULL,
	"level" text NOT NULL,
	"audience" jsonb NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"unit_id" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_note" text,
	"published_at" timestamp with time zone,
	"publication_id" uuid
);
--> statement-breakpoint
CREATE INDEX "risk_warning_deliveries_enterprise_idx" ON "risk_warning_deliveries" USING btree ("enterprise_id","delivered_at");--> statement-breakpoint
CREATE INDEX "risk_warning_deliveries_due_idx" ON "risk_warning_deliveries" USING btree ("due_at") WHERE acknowledged_at is null and escalated_at is null;--> statement-breakpoint
CREATE INDEX "risk_warnings_unit_idx" ON "risk_warnings" USING btree ("unit_id","created_at");