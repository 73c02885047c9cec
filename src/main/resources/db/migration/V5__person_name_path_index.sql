-- Name search is almost always within a scope (path LIKE 'X%'): with the path in the index the scope
-- is checked on index entries, so a common surname in one county reads its own rows, not the city's.
-- The new index serves name-only lookups as well, so it replaces ix_person_name.
drop index ix_person_name;
create index ix_person_name_path on person (name, path);
