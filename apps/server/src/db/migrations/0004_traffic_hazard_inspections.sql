CREATE TABLE "project_hazard_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project" text NOT NULL,
	"location" text NOT NULL,
	"inspected_on" date NOT NULL,
	"findings" text NOT NULL,
	"hazard_count" integer NOT NULL,
	"rectification_due_on" date,
	"rectified_at" timestamp with time zone,
	"rectification_note" text,
	"unit_id" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "project_hazard_inspections_due_idx" ON "project_hazard_inspections" USING btree ("rectification_due_on");