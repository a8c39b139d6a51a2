CREATE TABLE "dispute_follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"note" text NOT NULL,
	"risk" text NOT NULL,
	"resolved" boolean NOT NULL,
	"next_follow_up_on" date,
	"officer_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"district" text NOT NULL,
	"unit_id" text NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"risk" text NOT NULL,
	"resolved" boolean DEFAULT false NOT NULL,
	"next_follow_up_on" date,
	"reminded_for" date,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dispute_follow_ups" ADD CONSTRAINT "dispute_follow_ups_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_follow_ups_dispute_idx" ON "dispute_follow_ups" USING btree ("dispute_id","seq");--> statement-breakpoint
CREATE INDEX "disputes_enterprise_idx" ON "disputes" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "disputes_district_idx" ON "disputes" USING btree ("district","next_follow_up_on");--> statement-breakpoint
CREATE INDEX "disputes_follow_up_idx" ON "disputes" USING btree ("next_follow_up_on") WHERE not resolved;