-- Makes a database of this koszyk look as it did before migration 20, so
-- that a test can go on taking it back to an older schema: the search
-- triggers of migration 20 go (migration 16 makes them anew) and the
-- columns and indexes it dropped come back.
DROP TRIGGER services_search_ai;
DROP TRIGGER services_search_au;
DROP TRIGGER services_search_mv;
DROP TRIGGER services_search_ad;
DROP TRIGGER partners_search_ai;
DROP TRIGGER partners_search_au;
DROP TRIGGER partners_search_mv;
DROP TRIGGER partners_search_ad;
DROP TRIGGER contacts_search_ai;
DROP TRIGGER contacts_search_au;
DROP TRIGGER contacts_search_mv;
DROP TRIGGER contacts_search_ad;
DROP TRIGGER meetings_search_ai;
DROP TRIGGER meetings_search_au;
DROP TRIGGER meetings_search_mv;
DROP TRIGGER meetings_search_ad;
DROP TRIGGER cases_search_ai;
DROP TRIGGER cases_search_au;
DROP TRIGGER cases_search_mv;
DROP TRIGGER cases_search_ad;
ALTER TABLE search_doc ADD COLUMN lead1 BLOB;
ALTER TABLE search_doc ADD COLUMN lead2 BLOB;
CREATE INDEX search_doc_lead1 ON search_doc(kind, lead1, pl_key);
CREATE INDEX search_doc_lead2 ON search_doc(kind, lead2, pl_key);
