DROP INDEX "publications_search_idx";--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED;--> statement-breakpoint
CREATE INDEX "publications_search_vector_idx" ON "publications" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "publications_feed_idx" ON "publications" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status = 'published';