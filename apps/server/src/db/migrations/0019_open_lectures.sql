CREATE TABLE "open_lecture_signups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lecture_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"attendees" integer NOT NULL,
	"status" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_lectures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"title" text NOT NULL,
	"topics" text[] NOT NULL,
	"date" text NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text NOT NULL,
	"speaker" text NOT NULL,
	"capacity" integer NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "open_lecture_signups_active_uq" ON "open_lecture_signups" USING btree ("lecture_id","enterprise_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "open_lecture_signups_enterprise_idx" ON "open_lecture_signups" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "open_lectures_date_idx" ON "open_lectures" USING btree ("date");