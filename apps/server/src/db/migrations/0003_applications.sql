CREATE TABLE "residence_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"submitter_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"status" text NOT NULL,
	"filename" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"created_count" integer NOT NULL,
	"rejected_count" integer NOT NULL,
	"duplicate_count" integer NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"produced_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"delivered_by" uuid,
	"signer_name" text,
	"delivery_note" text,
	CONSTRAINT "residence_batches_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "package_id" uuid;--> statement-breakpoint
CREATE INDEX "residence_batches_enterprise_idx" ON "residence_batches" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "residence_batches_unit_idx" ON "residence_batches" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "items_batch_idx" ON "items" USING btree ("batch_id","status") WHERE batch_id is not null;--> statement-breakpoint
CREATE INDEX "items_package_idx" ON "items" USING btree ("package_id") WHERE package_id is not null;--> statement-breakpoint
CREATE INDEX "items_residence_person_idx" ON "items" USING btree ("enterprise_id",("data"->>'idNumber')) WHERE type = 'residence-permit';