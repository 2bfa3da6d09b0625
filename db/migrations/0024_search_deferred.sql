CREATE TABLE `search_suspended` (
	`entity` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Custom part: the insert triggers of the ordered registers (0010) skip a row while its register is
-- suspended, so a bulk write indexes its new rows in one pass at its end (db/search.ts,
-- withSearchIndexDeferred): 6,700 imported people indexed row by row took about 150–280 ms of
-- their 380 ms insert. Otherwise the same triggers; updates and deletes index as before.
DROP TRIGGER people_search_insert;
--> statement-breakpoint
CREATE TRIGGER people_search_insert AFTER INSERT ON people
WHEN NOT EXISTS (SELECT 1 FROM search_suspended WHERE entity = 'people') BEGIN
  INSERT INTO people_search_rows (search_rowid, id)
  SELECT CASE WHEN s.next - s.lo >= 1048576 THEN RAISE(ABORT, 'Индекс поиска переполнен: перезапустите приложение, он будет перестроен') ELSE s.next END, NEW.id
  FROM (SELECT b.lo, coalesce((SELECT max(search_rowid) + 1 FROM people_search_rows WHERE search_rowid >= b.lo AND search_rowid < b.lo + 1048576), b.lo) AS next
        FROM (SELECT coalesce((SELECT bucket FROM search_buckets WHERE entity = 'people' AND lower_key <= NEW.sort_key ORDER BY lower_key DESC LIMIT 1), 0) * 1048576 AS lo) b) s
  WHERE NOT EXISTS (SELECT 1 FROM people_search_rows WHERE id = NEW.id);
  INSERT INTO people_fts (rowid, search_text) SELECT search_rowid, NEW.search_text FROM people_search_rows WHERE id = NEW.id;
  INSERT INTO people_grams (rowid, grams) SELECT search_rowid, search_grams(NEW.search_text) FROM people_search_rows WHERE id = NEW.id;
END;
--> statement-breakpoint
DROP TRIGGER organizations_search_insert;
--> statement-breakpoint
CREATE TRIGGER organizations_search_insert AFTER INSERT ON organizations
WHEN NOT EXISTS (SELECT 1 FROM search_suspended WHERE entity = 'organizations') BEGIN
  INSERT INTO organizations_search_rows (search_rowid, id)
  SELECT CASE WHEN s.next - s.lo >= 1048576 THEN RAISE(ABORT, 'Индекс поиска переполнен: перезапустите приложение, он будет перестроен') ELSE s.next END, NEW.id
  FROM (SELECT b.lo, coalesce((SELECT max(search_rowid) + 1 FROM organizations_search_rows WHERE search_rowid >= b.lo AND search_rowid < b.lo + 1048576), b.lo) AS next
        FROM (SELECT coalesce((SELECT bucket FROM search_buckets WHERE entity = 'organizations' AND lower_key <= NEW.sort_key ORDER BY lower_key DESC LIMIT 1), 0) * 1048576 AS lo) b) s
  WHERE NOT EXISTS (SELECT 1 FROM organizations_search_rows WHERE id = NEW.id);
  INSERT INTO organizations_fts (rowid, search_text) SELECT search_rowid, NEW.search_text FROM organizations_search_rows WHERE id = NEW.id;
  INSERT INTO organizations_grams (rowid, grams) SELECT search_rowid, search_grams(NEW.search_text) FROM organizations_search_rows WHERE id = NEW.id;
END;
