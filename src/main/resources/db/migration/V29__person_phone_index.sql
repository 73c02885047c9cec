-- owner: people
-- Issue 14: a person is found by phone number too (the person picker and search), an exact match
-- within the caller's scope; without an index every such search read the whole person table.
create index ix_person_phone on person (phone);
