-- Where a term's sessions absent come from: typed by the homeroom teacher (TYPED), or counted from
-- the daily roll of the attendance module (ROLL). Once a class takes the roll, its count replaces
-- the typed one and the class book shows it as the roll's.
ALTER TABLE absence_entry
  ADD COLUMN source text NOT NULL DEFAULT 'TYPED' CHECK (source IN ('TYPED', 'ROLL'));
