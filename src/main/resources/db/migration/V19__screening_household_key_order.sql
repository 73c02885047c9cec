-- The state of a household in a campaign is found by household first (docs/BENCHMARKS.md, "A new
-- campaign"). With the key led by campaign_id, PostgreSQL's statistics for a campaign that has just
-- started say "about one row", so the batch lookup `campaign_id = ? and household_id = any(?)` was
-- planned as a walk through the whole campaign with the household ids as a filter: 11 s per batch of
-- 1,000 visits once the new campaign had 230,000 households. Led by household_id, each id is one probe.
alter table screening_household drop constraint pk_screening_household;
alter table screening_household add constraint pk_screening_household primary key (household_id, campaign_id);
