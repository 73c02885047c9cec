-- owner: screening
-- Issue 13, ingestion (ADR 36): a batch of visits no longer has the database lock rows of other
-- modules' tables. Each foreign key below made every inserted row run a referential check that
-- takes a FOR KEY SHARE lock on the referenced row: a visit locked its household and visitor, each
-- resident row its person (writing the lock into a random page of the city's person table, and so
-- dirtying it and logging it), and every visit and household state the campaign row that all
-- concurrent batches share (a multixact per batch). The batch already reads these rows in its own
-- transaction (households locked FOR UPDATE, residents read from people, the campaign in scope),
-- persons and households are never deleted, and the recount checks the stored state. The key from
-- a visit's resident rows to the visit stays: both are written by the same statement sequence.
-- Constraint names: PostgreSQL's generated ones, then H2's (quoted, upper case, as H2 made them).
alter table screening_visit drop constraint if exists screening_visit_campaign_id_fkey;
alter table screening_visit drop constraint if exists screening_visit_household_id_fkey;
alter table screening_visit drop constraint if exists screening_visit_visitor_person_id_fkey;
alter table screening_visit_resident drop constraint if exists screening_visit_resident_person_id_fkey;
alter table screening_household drop constraint if exists screening_household_campaign_id_fkey;
alter table screening_household drop constraint if exists screening_household_household_id_fkey;
alter table screening_visit drop constraint if exists "CONSTRAINT_FCF";
alter table screening_visit drop constraint if exists "CONSTRAINT_FCF4";
alter table screening_visit drop constraint if exists "CONSTRAINT_FCF4F";
alter table screening_visit_resident drop constraint if exists "CONSTRAINT_355";
alter table screening_household drop constraint if exists "CONSTRAINT_C2";
alter table screening_household drop constraint if exists "CONSTRAINT_C20";
