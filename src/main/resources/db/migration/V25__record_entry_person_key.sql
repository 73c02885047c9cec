-- owner: record
-- Issue 13, ingestion (ADR 36): an entry's person is the one its source named, read in the source's
-- own transaction; the foreign key to person made every entry lock its person's row (FOR KEY SHARE,
-- a write into the city's person table) for a reference that persons, never deleted, cannot break.
alter table record_entry drop constraint if exists record_entry_person_id_fkey;
alter table record_entry drop constraint if exists "CONSTRAINT_817";
