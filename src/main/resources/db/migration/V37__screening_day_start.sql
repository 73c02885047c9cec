-- owner: screening
-- Issue 15: "households covered today" in a community's daily report. The counters of the open
-- campaigns as they stood when the business day began (Asia/Shanghai), copied once a day at
-- midnight (and at start-up for a day not yet copied): covered today = covered now - covered at the
-- day's start, with no extra write on the visit path (ADR 43).
create table screening_day_start (
    campaign_id  bigint  not null,
    region_id    bigint  not null,
    start_day    date    not null,
    covered      bigint  not null,
    constraint pk_screening_day_start primary key (campaign_id, start_day, region_id)
);
