CREATE TABLE "case_files" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"decision" text,
	"decided_at" timestamp with time zone,
	"progress" text,
	"stages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tier" text,
	"team" jsonb,
	"investigation_note" text,
	"reconsideration_item_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_recoveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_files_tier_idx" ON "case_files" USING btree ("tier");--> statement-breakpoint
CREATE INDEX "case_recoveries_item_idx" ON "case_recoveries" USING btree ("item_id");