ALTER TABLE "items" ADD COLUMN "district" text;--> statement-breakpoint
-- Every insert path (a submission, a batch, a package, a bulk load) gets the district without having to know it.
CREATE FUNCTION items_copy_district() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.district IS NULL AND NEW.enterprise_id IS NOT NULL THEN
    SELECT district INTO NEW.district FROM enterprises WHERE id = NEW.enterprise_id;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER items_district BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION items_copy_district();
--> statement-breakpoint
UPDATE items SET district = e.district FROM enterprises e WHERE e.id = items.enterprise_id;
