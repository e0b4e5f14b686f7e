-- Sorting that reaches a user or a report is the same on SQLite and here, whatever locale the database was
-- created with: SQLite orders text by code point, a database created with zh_CN.UTF-8 (or an ICU locale)
-- by pinyin. Every text column of the portal's tables collates "C" (code point order, as SQLite's), and
-- the real-server script checks that none is left otherwise; a later migration adding a text column runs
-- this block again.
DO $$
DECLARE c record;
BEGIN
  FOR c IN
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND data_type = 'text' AND collation_name IS DISTINCT FROM 'C'
    ORDER BY table_name, ordinal_position
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE "C"', c.table_name, c.column_name);
  END LOOP;
END $$;
