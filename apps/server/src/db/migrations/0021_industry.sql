CREATE TABLE "risk_warning_unit_deliveries" (
	"warning_id" uuid NOT NULL,
	"unit_id" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	CONSTRAINT "risk_warning_unit_deliveries_warning_id_unit_id_pk" PRIMARY KEY("warning_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "industry" text;--> statement-breakpoint
CREATE INDEX "risk_warning_unit_deliveries_unit_idx" ON "risk_warning_unit_deliveries" USING btree ("unit_id","delivered_at");