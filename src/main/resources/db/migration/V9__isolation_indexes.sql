-- Today's overdue list (issue 4): the cases with no contact that reached the person on a business
-- day. With only (case_id, business_day) the anti-join's count read every contact ever recorded;
-- this index gives it the day's contacts alone, index-only once the table has been vacuumed.
create index ix_isolation_contact_day on isolation_contact (business_day, reached, case_id);
