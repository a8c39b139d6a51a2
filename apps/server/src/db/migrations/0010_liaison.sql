CREATE TABLE "enterprise_tags" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "liaison_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid,
	"project_id" uuid,
	"officer_id" uuid NOT NULL,
	"deputy_id" uuid,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone,
	"assigned_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"ended_by" uuid,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "liaison_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"project_id" uuid,
	"district" text NOT NULL,
	"officer_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"way" text NOT NULL,
	"centre_id" uuid,
	"met" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"pledge" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirm_due_at" timestamp with time zone NOT NULL,
	"verdict" text,
	"verdict_note" text,
	"verdict_at" timestamp with time zone,
	"verdict_by" uuid
);
--> statement-breakpoint
CREATE TABLE "major_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district" text NOT NULL,
	"address" text NOT NULL,
	"stage" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"liaison_officer_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_centre_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"centre_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"booked_by" uuid NOT NULL,
	"booked_on" date NOT NULL,
	"slot" text NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_centres" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"park" text NOT NULL,
	"district" text NOT NULL,
	"address" text NOT NULL,
	"hours" text NOT NULL,
	"phone" text NOT NULL,
	"services" text[] NOT NULL,
	"staff_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_problems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"district" text NOT NULL,
	"visited_on" date NOT NULL,
	"text" text NOT NULL,
	"outcome" text NOT NULL,
	"resolution" text,
	"item_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "key" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "last_visit_on" date;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "phone" text;--> statement-breakpoint
CREATE UNIQUE INDEX "liaison_assignments_enterprise_open_idx" ON "liaison_assignments" USING btree ("enterprise_id") WHERE to_at is null and enterprise_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "liaison_assignments_project_open_idx" ON "liaison_assignments" USING btree ("project_id") WHERE to_at is null and project_id is not null;--> statement-breakpoint
CREATE INDEX "liaison_assignments_officer_idx" ON "liaison_assignments" USING btree ("officer_id") WHERE to_at is null;--> statement-breakpoint
CREATE INDEX "liaison_assignments_deputy_idx" ON "liaison_assignments" USING btree ("deputy_id") WHERE to_at is null;--> statement-breakpoint
CREATE INDEX "liaison_assignments_history_idx" ON "liaison_assignments" USING btree ("enterprise_id","from_at");--> statement-breakpoint
CREATE INDEX "liaison_visits_enterprise_idx" ON "liaison_visits" USING btree ("enterprise_id","visited_on");--> statement-breakpoint
CREATE INDEX "liaison_visits_officer_idx" ON "liaison_visits" USING btree ("officer_id","visited_on");--> statement-breakpoint
CREATE INDEX "liaison_visits_month_idx" ON "liaison_visits" USING btree ("visited_on","district");--> statement-breakpoint
CREATE INDEX "major_projects_district_idx" ON "major_projects" USING btree ("district");--> statement-breakpoint
CREATE INDEX "major_projects_enterprise_idx" ON "major_projects" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "service_centre_bookings_centre_idx" ON "service_centre_bookings" USING btree ("centre_id","booked_on");--> statement-breakpoint
CREATE INDEX "service_centre_bookings_enterprise_idx" ON "service_centre_bookings" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "visit_problems_visit_idx" ON "visit_problems" USING btree ("visit_id","position");--> statement-breakpoint
CREATE INDEX "visit_problems_month_idx" ON "visit_problems" USING btree ("visited_on","district");--> statement-breakpoint
CREATE INDEX "visit_problems_open_idx" ON "visit_problems" USING btree ("district") WHERE outcome = 'open';--> statement-breakpoint
CREATE INDEX "enterprises_key_idx" ON "enterprises" USING btree ("district","last_visit_on") WHERE "key";--> statement-breakpoint
CREATE INDEX "enterprises_liaison_officer_idx" ON "enterprises" USING btree ("liaison_officer_id") WHERE "liaison_officer_id" is not null;
