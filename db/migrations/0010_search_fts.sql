-- Custom migration: the FTS5 search index (db/search.ts), which drizzle-kit cannot express.
-- Trigram tables hold the folded search_text (case_sensitive 1: it is folded already, so matching
-- is an exact substring test, like LIKE on it); gram tables hold the distinct one- and two-character
-- grams as tokens (search_grams(), registered on every connection by db/open.ts) for query words
-- the trigram tokenizer cannot see. Both are contentless with contentless_delete (SQLite >= 3.43):
-- a delete needs only the rowid. The triggers keep them in step with every insert, update and
-- delete, cascades and undo included; the rows already present are indexed by the data step
-- '0010-search-index' (db/dataSteps.ts).
-- people: indexed under search_rowid = bucket * 2^20 + slot (people_search_rows), so FTS5's rowid order is the sort_key order by bucket.
CREATE VIRTUAL TABLE people_fts USING fts5(search_text, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE people_grams USING fts5(grams, content='', contentless_delete=1, detail='none', tokenize='ascii');
--> statement-breakpoint
INSERT INTO search_buckets (entity, lower_key, bucket) VALUES ('people', '', 0);
--> statement-breakpoint
CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_search_rows (search_rowid, id)
  SELECT CASE WHEN s.next - s.lo >= 1048576 THEN RAISE(ABORT, 'Индекс поиска переполнен: перезапустите приложение, он будет перестроен') ELSE s.next END, NEW.id
  FROM (SELECT b.lo, coalesce((SELECT max(search_rowid) + 1 FROM people_search_rows WHERE search_rowid >= b.lo AND search_rowid < b.lo + 1048576), b.lo) AS next
        FROM (SELECT coalesce((SELECT bucket FROM search_buckets WHERE entity = 'people' AND lower_key <= NEW.sort_key ORDER BY lower_key DESC LIMIT 1), 0) * 1048576 AS lo) b) s
  WHERE NOT EXISTS (SELECT 1 FROM people_search_rows WHERE id = NEW.id);
  INSERT INTO people_fts (rowid, search_text) SELECT search_rowid, NEW.search_text FROM people_search_rows WHERE id = NEW.id;
  INSERT INTO people_grams (rowid, grams) SELECT search_rowid, search_grams(NEW.search_text) FROM people_search_rows WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER people_search_update AFTER UPDATE OF search_text, sort_key ON people
WHEN OLD.search_text IS NOT NEW.search_text OR OLD.sort_key IS NOT NEW.sort_key BEGIN
  DELETE FROM people_fts WHERE rowid = (SELECT search_rowid FROM people_search_rows WHERE id = OLD.id);
  DELETE FROM people_grams WHERE rowid = (SELECT search_rowid FROM people_search_rows WHERE id = OLD.id);
  -- A row whose key moved to another bucket takes a slot there.
  DELETE FROM people_search_rows WHERE id = OLD.id AND search_rowid / 1048576 <> coalesce((SELECT bucket FROM search_buckets WHERE entity = 'people' AND lower_key <= NEW.sort_key ORDER BY lower_key DESC LIMIT 1), 0);
  INSERT INTO people_search_rows (search_rowid, id)
  SELECT CASE WHEN s.next - s.lo >= 1048576 THEN RAISE(ABORT, 'Индекс поиска переполнен: перезапустите приложение, он будет перестроен') ELSE s.next END, NEW.id
  FROM (SELECT b.lo, coalesce((SELECT max(search_rowid) + 1 FROM people_search_rows WHERE search_rowid >= b.lo AND search_rowid < b.lo + 1048576), b.lo) AS next
        FROM (SELECT coalesce((SELECT bucket FROM search_buckets WHERE entity = 'people' AND lower_key <= NEW.sort_key ORDER BY lower_key DESC LIMIT 1), 0) * 1048576 AS lo) b) s
  WHERE NOT EXISTS (SELECT 1 FROM people_search_rows WHERE id = NEW.id);
  INSERT INTO people_fts (rowid, search_text) SELECT search_rowid, NEW.search_text FROM people_search_rows WHERE id = NEW.id;
  INSERT INTO people_grams (rowid, grams) SELECT search_rowid, search_grams(NEW.search_text) FROM people_search_rows WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER people_search_delete AFTER DELETE ON people BEGIN
  DELETE FROM people_fts WHERE rowid = (SELECT search_rowid FROM people_search_rows WHERE id = OLD.id);
  DELETE FROM people_grams WHERE rowid = (SELECT search_rowid FROM people_search_rows WHERE id = OLD.id);
  DELETE FROM people_search_rows WHERE id = OLD.id;
END;
--> statement-breakpoint
-- organizations: indexed under search_rowid = bucket * 2^20 + slot (organizations_search_rows), so FTS5's rowid order is the sort_key order by bucket.
CREATE VIRTUAL TABLE organizations_fts USING fts5(search_text, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE organizations_grams USING fts5(grams, content='', contentless_delete=1, detail='none', tokenize='ascii');
--> statement-breakpoint
INSERT INTO search_buckets (entity, lower_key, bucket) VALUES ('organizations', '', 0);
--> statement-breakpoint
CREATE TRIGGER organizations_search_insert AFTER INSERT ON organizations BEGIN
  INSERT INTO organizations_search_rows (search_rowid, id)
  SELECT CASE WHEN s.next - s.lo >= 1048576 THEN RAISE(ABORT, 'Индекс поиска переполнен: перезапустите приложение, он будет перестроен') ELSE s.next END, NEW.id
  FROM (SELECT b.lo, coalesce((SELECT max(search_rowid) + 1 FROM organizations_search_rows WHERE search_rowid >= b.lo AND search_rowid < b.lo + 1048576), b.lo) AS next
        FROM (SELECT coalesce((SELECT bucket FROM search_buckets WHERE entity = 'organizations' AND lower_key <= NEW.sort_key ORDER BY lower_key DESC LIMIT 1), 0) * 1048576 AS lo) b) s
  WHERE NOT EXISTS (SELECT 1 FROM organizations_search_rows WHERE id = NEW.id);
  INSERT INTO organizations_fts (rowid, search_text) SELECT search_rowid, NEW.search_text FROM organizations_search_rows WHERE id = NEW.id;
  INSERT INTO organizations_grams (rowid, grams) SELECT search_rowid, search_grams(NEW.search_text) FROM organizations_search_rows WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER organizations_search_update AFTER UPDATE OF search_text, sort_key ON organizations
WHEN OLD.search_text IS NOT NEW.search_text OR OLD.sort_key IS NOT NEW.sort_key BEGIN
  DELETE FROM organizations_fts WHERE rowid = (SELECT search_rowid FROM organizations_search_rows WHERE id = OLD.id);
  DELETE FROM organizations_grams WHERE rowid = (SELECT search_rowid FROM organizations_search_rows WHERE id = OLD.id);
  -- A row whose key moved to another bucket takes a slot there.
  DELETE FROM organizations_search_rows WHERE id = OLD.id AND search_rowid / 1048576 <> coalesce((SELECT bucket FROM search_buckets WHERE entity = 'organizations' AND lower_key <= NEW.sort_key ORDER BY lower_key DESC LIMIT 1), 0);
  INSERT INTO organizations_search_rows (search_rowid, id)
  SELECT CASE WHEN s.next - s.lo >= 1048576 THEN RAISE(ABORT, 'Индекс поиска переполнен: перезапустите приложение, он будет перестроен') ELSE s.next END, NEW.id
  FROM (SELECT b.lo, coalesce((SELECT max(search_rowid) + 1 FROM organizations_search_rows WHERE search_rowid >= b.lo AND search_rowid < b.lo + 1048576), b.lo) AS next
        FROM (SELECT coalesce((SELECT bucket FROM search_buckets WHERE entity = 'organizations' AND lower_key <= NEW.sort_key ORDER BY lower_key DESC LIMIT 1), 0) * 1048576 AS lo) b) s
  WHERE NOT EXISTS (SELECT 1 FROM organizations_search_rows WHERE id = NEW.id);
  INSERT INTO organizations_fts (rowid, search_text) SELECT search_rowid, NEW.search_text FROM organizations_search_rows WHERE id = NEW.id;
  INSERT INTO organizations_grams (rowid, grams) SELECT search_rowid, search_grams(NEW.search_text) FROM organizations_search_rows WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER organizations_search_delete AFTER DELETE ON organizations BEGIN
  DELETE FROM organizations_fts WHERE rowid = (SELECT search_rowid FROM organizations_search_rows WHERE id = OLD.id);
  DELETE FROM organizations_grams WHERE rowid = (SELECT search_rowid FROM organizations_search_rows WHERE id = OLD.id);
  DELETE FROM organizations_search_rows WHERE id = OLD.id;
END;
--> statement-breakpoint
-- plan_items: indexed under its id (its lists are not ordered by a sort key).
CREATE VIRTUAL TABLE plan_items_fts USING fts5(search_text, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE plan_items_grams USING fts5(grams, content='', contentless_delete=1, detail='none', tokenize='ascii');
--> statement-breakpoint
CREATE TRIGGER plan_items_search_insert AFTER INSERT ON plan_items BEGIN
  INSERT INTO plan_items_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
  INSERT INTO plan_items_grams (rowid, grams) VALUES (NEW.id, search_grams(NEW.search_text));
END;
--> statement-breakpoint
CREATE TRIGGER plan_items_search_update AFTER UPDATE OF search_text ON plan_items WHEN OLD.search_text IS NOT NEW.search_text BEGIN
  DELETE FROM plan_items_fts WHERE rowid = OLD.id;
  DELETE FROM plan_items_grams WHERE rowid = OLD.id;
  INSERT INTO plan_items_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
  INSERT INTO plan_items_grams (rowid, grams) VALUES (NEW.id, search_grams(NEW.search_text));
END;
--> statement-breakpoint
CREATE TRIGGER plan_items_search_delete AFTER DELETE ON plan_items BEGIN
  DELETE FROM plan_items_fts WHERE rowid = OLD.id;
  DELETE FROM plan_items_grams WHERE rowid = OLD.id;
END;
