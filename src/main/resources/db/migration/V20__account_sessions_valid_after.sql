-- A lock (or any later reason) ends an account's page sessions: a session signed in before this
-- instant is no longer accepted.
alter table account add column sessions_valid_after timestamp with time zone;
