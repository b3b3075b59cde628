-- The kindergarten's kitchen. The national food composition table (NIN 2007) ships with the
-- product and is never stored here, so no school can edit a national row; a school's own foods
-- (a local product) are its rows, with codes of their own (T1, T2, …).
CREATE TABLE kitchen_food (
  school_id         bigint        NOT NULL REFERENCES school (id),
  code              text          NOT NULL CHECK (code ~ '^T[0-9]{1,5}$'),
  name              text          NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  refuse_pct        numeric(5, 2) NOT NULL CHECK (refuse_pct >= 0 AND refuse_pct < 100),
  animal            boolean       NOT NULL,
  energy_kcal       numeric(6, 1) NOT NULL CHECK (energy_kcal BETWEEN 0 AND 900),
  protein_g         numeric(5, 2) NOT NULL CHECK (protein_g BETWEEN 0 AND 100),
  lipid_g           numeric(5, 2) NOT NULL CHECK (lipid_g BETWEEN 0 AND 100),
  glucid_g          numeric(5, 2) NOT NULL CHECK (glucid_g BETWEEN 0 AND 100),
  calcium_mg        numeric(7, 2) NOT NULL DEFAULT 0 CHECK (calcium_mg >= 0),
  iron_mg           numeric(6, 2) NOT NULL DEFAULT 0 CHECK (iron_mg >= 0),
  retinol_ug        numeric(7, 1) NOT NULL DEFAULT 0 CHECK (retinol_ug >= 0),
  beta_carotene_ug  numeric(7, 1) NOT NULL DEFAULT 0 CHECK (beta_carotene_ug >= 0),
  vitamin_b1_mg     numeric(5, 2) NOT NULL DEFAULT 0 CHECK (vitamin_b1_mg >= 0),
  vitamin_c_mg      numeric(6, 1) NOT NULL DEFAULT 0 CHECK (vitamin_c_mg >= 0),
  source            text          CHECK (length(source) <= 300),
  created_by        bigint        NOT NULL,
  created_at        timestamptz   NOT NULL,
  PRIMARY KEY (school_id, code),
  UNIQUE (school_id, name)
);

-- A dish as a recipe: each food's purchased (gross) quantity for one child.
CREATE TABLE kitchen_dish (
  school_id   bigint      NOT NULL REFERENCES school (id),
  id          bigint      GENERATED ALWAYS AS IDENTITY,
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  PRIMARY KEY (school_id, id),
  UNIQUE (school_id, name)
);

CREATE TABLE kitchen_dish_ingredient (
  school_id   bigint        NOT NULL,
  dish_id     bigint        NOT NULL,
  position    integer       NOT NULL CHECK (position >= 0),
  food_code   text          NOT NULL CHECK (length(food_code) BETWEEN 1 AND 10),
  gross_g     numeric(6, 1) NOT NULL CHECK (gross_g > 0 AND gross_g <= 500),
  PRIMARY KEY (school_id, dish_id, position),
  FOREIGN KEY (school_id, dish_id) REFERENCES kitchen_dish (school_id, id) ON DELETE CASCADE
);

-- The menu of a day for an age band (nhà trẻ, mẫu giáo): dishes per meal, each at a portion (% of
-- its recipe) for that band's children.
CREATE TABLE kitchen_menu_item (
  school_id    bigint   NOT NULL,
  day          date     NOT NULL,
  band         text     NOT NULL CHECK (band IN ('NHA_TRE', 'MAU_GIAO')),
  meal         text     NOT NULL CHECK (meal IN ('LUNCH', 'AFTERNOON', 'SNACK')),
  dish_id      bigint   NOT NULL,
  portion_pct  integer  NOT NULL CHECK (portion_pct BETWEEN 10 AND 300),
  PRIMARY KEY (school_id, day, band, meal, dish_id),
  FOREIGN KEY (school_id, dish_id) REFERENCES kitchen_dish (school_id, id)
);

-- Who supplies a food and at what price (đồng per kg), for the market list.
CREATE TABLE kitchen_supply (
  school_id      bigint   NOT NULL REFERENCES school (id),
  food_code      text     NOT NULL CHECK (length(food_code) BETWEEN 1 AND 10),
  supplier       text     NOT NULL CHECK (length(supplier) BETWEEN 1 AND 120),
  price_per_kg   integer  NOT NULL CHECK (price_per_kg BETWEEN 0 AND 10000000),
  PRIMARY KEY (school_id, food_code)
);

-- The day's meal price per child (tiền ăn) for each band, and the hour by which a family's absence
-- request cancels that day's meal (a later one is cooked and charged).
CREATE TABLE kitchen_setting (
  school_id          bigint   PRIMARY KEY REFERENCES school (id),
  meal_price_nha_tre  integer  NOT NULL CHECK (meal_price_nha_tre BETWEEN 0 AND 1000000),
  meal_price_mau_giao integer  NOT NULL CHECK (meal_price_mau_giao BETWEEN 0 AND 1000000),
  cancel_by          time     NOT NULL,
  changed_by         bigint   NOT NULL,
  changed_at         timestamptz NOT NULL
);

-- The three-step food check (kiểm thực ba bước, QĐ 1246/QĐ-BYT 2017) and the food sample kept
-- 24 hours, one entry per step and day; entries are added, never rewritten.
CREATE TABLE kitchen_food_check (
  school_id    bigint      NOT NULL REFERENCES school (id),
  id           bigint      GENERATED ALWAYS AS IDENTITY,
  day          date        NOT NULL,
  step         text        NOT NULL CHECK (step IN ('RECEIVING', 'PREPARING', 'SERVING', 'SAMPLE')),
  checked_at   timestamptz NOT NULL,
  passed       boolean     NOT NULL,
  note         text        CHECK (length(note) <= 1000),
  checked_by   bigint      NOT NULL,
  PRIMARY KEY (school_id, id)
);
CREATE INDEX kitchen_food_check_day ON kitchen_food_check (school_id, day);
