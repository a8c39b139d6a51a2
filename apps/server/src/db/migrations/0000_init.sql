CREATE TABLE "access_rule_sets" (
	"version" integer PRIMARY KEY NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"uploader_id" uuid,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"date" date NOT NULL,
	"old_kind" text,
	"new_kind" text NOT NULL,
	"notice" text NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	"notice" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"notice" text NOT NULL,
	"title" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"loaded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"district" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"liaison_officer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "freight_accidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plate" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"simple_procedure" boolean NOT NULL,
	"vehicle_detained" boolean DEFAULT false NOT NULL,
	"licence_detained" boolean DEFAULT false NOT NULL,
	"unit_id" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"actor_key" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_actor_key_key_pk" PRIMARY KEY("actor_key","key")
);
--> statement-breakpoint
CREATE TABLE "item_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"accept_input" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submitter_id" uuid,
	"enterprise_id" uuid,
	"unit_id" text NOT NULL,
	"first_unit_id" text NOT NULL,
	"assignee_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"accept_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"active_due_at" timestamp with time zone,
	"handle_rule" jsonb NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_from" text,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transfer_count" integer DEFAULT 0 NOT NULL,
	"pending_transfer" jsonb,
	"pending_unit_id" text,
	"extension" jsonb,
	"supervision" jsonb,
	"supervised" boolean DEFAULT false NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"rating" jsonb,
	"rating_level" text,
	"follow_up_rating" jsonb,
	"after_rating" jsonb,
	"rectification_due_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"branches" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"branch_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"answer" text,
	"escalation_stage" integer DEFAULT 0 NOT NULL,
	"next_escalation_at" timestamp with time zone,
	"query_code_hash" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "items_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "nev_filings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid,
	"enterprise_id" uuid,
	"plate" text NOT NULL,
	"use" text NOT NULL,
	"road_ids" text[] NOT NULL,
	"windows" jsonb NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"item_id" uuid,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pass_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"item_id" uuid,
	"enterprise_id" uuid,
	"plate" text NOT NULL,
	"kind" text NOT NULL,
	"road_classes" text[] NOT NULL,
	"road_ids" text[],
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"signature" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	CONSTRAINT "pass_codes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"district" text,
	"status" text NOT NULL,
	"author_id" uuid,
	"unit_id" text,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_tokens" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roads" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"road_class" text NOT NULL,
	"in_restricted_zone" boolean NOT NULL,
	"night_corridor" boolean NOT NULL,
	"district" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit_type" text NOT NULL,
	"district" text,
	"parent_id" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"display_name" text NOT NULL,
	"unit_id" text,
	"enterprise_id" uuid,
	"mobile" text,
	"id_number" text,
	"totp_secret" text,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_events" ADD CONSTRAINT "item_events_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_events_item_idx" ON "item_events" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "items_unit_due_idx" ON "items" USING btree ("unit_id","active_due_at");--> statement-breakpoint
CREATE INDEX "items_enterprise_due_idx" ON "items" USING btree ("enterprise_id","active_due_at");--> statement-breakpoint
CREATE INDEX "items_submitter_idx" ON "items" USING btree ("submitter_id");--> statement-breakpoint
CREATE INDEX "items_pending_unit_idx" ON "items" USING btree ("pending_unit_id");--> statement-breakpoint
CREATE INDEX "items_branch_units_idx" ON "items" USING gin ("branch_unit_ids");--> statement-breakpoint
CREATE INDEX "items_escalation_idx" ON "items" USING btree ("next_escalation_at") WHERE next_escalation_at is not null;--> statement-breakpoint
CREATE INDEX "items_provisional_idx" ON "items" USING btree ("id") WHERE provisional;--> statement-breakpoint
CREATE INDEX "items_due_idx" ON "items" USING btree ("active_due_at");--> statement-breakpoint
CREATE INDEX "items_submitted_idx" ON "items" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "items_answered_idx" ON "items" USING btree ("answered_at");--> statement-breakpoint
CREATE INDEX "items_rectification_idx" ON "items" USING btree ("rectification_due_at") WHERE rectification_due_at is not null;--> statement-breakpoint
CREATE INDEX "nev_filings_plate_idx" ON "nev_filings" USING btree ("plate","valid_to");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "notifications_item_idx" ON "notifications" USING btree ("item_id","kind");--> statement-breakpoint
CREATE INDEX "pass_codes_plate_idx" ON "pass_codes" USING btree ("plate","valid_to");--> statement-breakpoint
CREATE INDEX "publications_published_idx" ON "publications" USING btree ("kind","published_at");--> statement-breakpoint
CREATE INDEX "publications_search_idx" ON "publications" USING gin (to_tsvector('simple', "search_tokens"));--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_unit_idx" ON "users" USING btree ("unit_id","role");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");