-- A kindergarten group's age band (nhà trẻ 3–12, 12–24, 24–36 months; mẫu giáo 3–4, 4–5, 5–6
-- years), or for a mixed-age group the youngest and the oldest: groups sort by age, not by name.
ALTER TABLE school_class
  ADD COLUMN age_from text CHECK (age_from IN ('NT_3_12','NT_12_24','NT_24_36','MG_3_4','MG_4_5','MG_5_6')),
  ADD COLUMN age_to   text CHECK (age_to   IN ('NT_3_12','NT_12_24','NT_24_36','MG_3_4','MG_4_5','MG_5_6')),
  ADD CONSTRAINT school_class_age_band CHECK (
    (age_from IS NULL AND age_to IS NULL)
    OR (grade = 0 AND age_from IS NOT NULL AND age_to IS NOT NULL));
