ALTER TABLE "items" ADD COLUMN "pending_answer" jsonb;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "answer_review_types" text[] DEFAULT '{}'::text[] NOT NULL;