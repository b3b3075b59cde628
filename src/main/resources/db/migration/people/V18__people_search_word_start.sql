-- The folded name starts with a space, so that "the start of a word" is one pattern
-- (LIKE '% an%'), one trigram index scan instead of two.
ALTER TABLE student ALTER COLUMN name_folded
  SET EXPRESSION AS (' ' || fold_vi(family_name || ' ' || middle_name || ' ' || given_name));
