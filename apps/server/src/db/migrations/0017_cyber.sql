CREATE TABLE "cyber_drill_participants" (
	"year" integer NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"marked_by" uuid NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cyber_drill_participants_year_enterprise_id_pk" PRIMARY KEY("year","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "cyber_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"severity" text NOT NULL,
	"description" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"answer_text" text,
	"answer_attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"verify_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cyber_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"project_name" text,
	"planned_date" date NOT NULL,
	"scope" text NOT NULL,
	"inspectors" text[] NOT NULL,
	"status" text NOT NULL,
	"inspected_on" date,
	"summary" text,
	"notice_number" text,
	"notice_issued_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	CONSTRAINT "cyber_inspections_notice_number_unique" UNIQUE("notice_number")
);
--> statement-breakpoint
ALTER TABLE "cyber_findings" ADD CONSTRAINT "cyber_findings_inspection_id_cyber_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."cyber_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cyber_findings_inspection_seq_idx" ON "cyber_findings" USING btree ("inspection_id","seq");--> statement-breakpoint
CREATE INDEX "cyber_findings_due_idx" ON "cyber_findings" USING btree ("due_at") WHERE status in ('open', 'reopened') and escalated_at is null;--> statement-breakpoint
CREATE INDEX "cyber_inspections_unit_idx" ON "cyber_inspections" USING btree ("unit_id","planned_date");--> statement-breakpoint
CREATE INDEX "cyber_inspections_enterprise_idx" ON "cyber_inspections" USING btree ("enterprise_id","planned_date");