-- publications: the search index, indexed under its id the way of plan_items (0010).
CREATE VIRTUAL TABLE publications_fts USING fts5(search_text, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE publications_grams USING fts5(grams, content='', contentless_delete=1, detail='none', tokenize='ascii');
--> statement-breakpoint
CREATE TRIGGER publications_search_insert AFTER INSERT ON publications BEGIN
  INSERT INTO publications_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
  INSERT INTO publications_grams (rowid, grams) VALUES (NEW.id, search_grams(NEW.search_text));
END;
--> statement-breakpoint
CREATE TRIGGER publications_search_update AFTER UPDATE OF search_text ON publications WHEN OLD.search_text IS NOT NEW.search_text BEGIN
  DELETE FROM publications_fts WHERE rowid = OLD.id;
  DELETE FROM publications_grams WHERE rowid = OLD.id;
  INSERT INTO publications_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
  INSERT INTO publications_grams (rowid, grams) VALUES (NEW.id, search_grams(NEW.search_text));
END;
--> statement-breakpoint
CREATE TRIGGER publications_search_delete AFTER DELETE ON publications BEGIN
  DELETE FROM publications_fts WHERE rowid = OLD.id;
  DELETE FROM publications_grams WHERE rowid = OLD.id;
END;
--> statement-breakpoint
-- The ledger is written once: what a movement says (its kind, date, quantity, what it reverses,
-- when it was recorded) is never changed by any path. A mistake is annulled by a reversal. The
-- recipient may still be re-pointed when the registry merges two duplicate people or organisations.
CREATE TRIGGER publication_movements_immutable BEFORE UPDATE OF publication_id, kind, date, quantity, printer, printed_in_house, reason, reverses_id, recorded_at ON publication_movements BEGIN
  SELECT RAISE(ABORT, 'Движение печатной продукции не изменяют: ошибку исправляют сторнированием');
END;
