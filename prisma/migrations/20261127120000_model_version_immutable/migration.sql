-- A registered model version is what its results point to: every InferenceResult names the
-- version, and the session cache, the card cache and the registry's statistics assume that the
-- version's file, card and identity never change after upload. Only its lifecycle moves
-- (status, reasons, timestamps, the version it replaces, the row version). A different file or
-- card is a new version (upload), never an edit of this one.
CREATE FUNCTION konsil_model_version_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."modelKey" IS DISTINCT FROM OLD."modelKey"
     OR NEW."semver" IS DISTINCT FROM OLD."semver"
     OR NEW."name" IS DISTINCT FROM OLD."name"
     OR NEW."entities" IS DISTINCT FROM OLD."entities"
     OR NEW."fileSha256" IS DISTINCT FROM OLD."fileSha256"
     OR NEW."fileSizeBytes" IS DISTINCT FROM OLD."fileSizeBytes"
     OR NEW."fileBytes" IS DISTINCT FROM OLD."fileBytes"
     OR NEW."card" IS DISTINCT FROM OLD."card"
     OR NEW."validationReport" IS DISTINCT FROM OLD."validationReport"
     OR NEW."uploadedById" IS DISTINCT FROM OLD."uploadedById" AND NEW."uploadedById" IS NOT NULL
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'model version % (% %): its file, card and identity are fixed at upload; upload a new version instead', OLD."id", OLD."modelKey", OLD."semver"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER model_versions_fixed_at_upload
  BEFORE UPDATE ON "model_versions"
  FOR EACH ROW EXECUTE FUNCTION konsil_model_version_fixed();
