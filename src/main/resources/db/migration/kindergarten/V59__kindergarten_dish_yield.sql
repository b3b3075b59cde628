-- How much a dish weighs cooked, as a % of its edible raw weight (rice about 250 %, meat about
-- 70 %): where the cook sets it, the sheet gives the cooked grams each child is served and the
-- kilograms each group is sent. Nutrients stay those of the raw edible part.
ALTER TABLE kitchen_dish ADD COLUMN yield_pct integer CHECK (yield_pct BETWEEN 10 AND 500);
