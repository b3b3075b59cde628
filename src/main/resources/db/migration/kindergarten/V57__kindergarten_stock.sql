-- Dry goods kept in the store (rice, oil, sugar, milk powder: hàng xuất kho) rather than bought for
-- the day: the foods the school stocks, and their moves in (a receipt with its price) and out (the
-- day's portion sheet issued from the store). Moves are added, never rewritten; an issue for a day
-- is replaced when the sheet is issued again.
ALTER TABLE kitchen_supply ADD COLUMN stocked boolean NOT NULL DEFAULT false;

CREATE TABLE kitchen_stock_move (
  school_id     bigint        NOT NULL REFERENCES school (id),
  id            bigint        GENERATED ALWAYS AS IDENTITY,
  day           date          NOT NULL,
  food_code     text          NOT NULL CHECK (length(food_code) BETWEEN 1 AND 10),
  kind          text          NOT NULL CHECK (kind IN ('IN', 'OUT')),
  kg            numeric(9, 3) NOT NULL CHECK (kg > 0 AND kg <= 10000),
  price_per_kg  integer       CHECK (price_per_kg BETWEEN 0 AND 10000000),
  note          text          CHECK (length(note) <= 300),
  recorded_by   bigint        NOT NULL,
  recorded_at   timestamptz   NOT NULL,
  PRIMARY KEY (school_id, id)
);
CREATE UNIQUE INDEX kitchen_stock_issue ON kitchen_stock_move (school_id, day, food_code)
  WHERE kind = 'OUT';
