-- Custom migration: events in the search index (db/search.ts), indexed under their id the way of
-- plan_items (0010) and publications (0014): the events list is ordered by date, not by a sort key.
-- The rows already present are indexed by the data step '0015-events-search' (db/dataSteps.ts).
CREATE VIRTUAL TABLE events_fts USING fts5(search_text, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE events_grams USING fts5(grams, content='', contentless_delete=1, detail='none', tokenize='ascii');
--> statement-breakpoint
CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
  INSERT INTO events_grams (rowid, grams) VALUES (NEW.id, search_grams(NEW.search_text));
END;
--> statement-breakpoint
CREATE TRIGGER events_search_update AFTER UPDATE OF search_text ON events WHEN OLD.search_text IS NOT NEW.search_text BEGIN
  DELETE FROM events_fts WHERE rowid = OLD.id;
  DELETE FROM events_grams WHERE rowid = OLD.id;
  INSERT INTO events_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
  INSERT INTO events_grams (rowid, grams) VALUES (NEW.id, search_grams(NEW.search_text));
END;
--> statement-breakpoint
CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_fts WHERE rowid = OLD.id;
  DELETE FROM events_grams WHERE rowid = OLD.id;
END;
