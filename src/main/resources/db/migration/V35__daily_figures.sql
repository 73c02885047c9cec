-- owner: reporting
-- Issue 15: the command dashboard's trends. A region's figures on a day, as counted from the
-- modules' counters (the headline's figures, the figures on region pages, the day's reports): the
-- latest snapshot of the day is its value (snapshots every 10 minutes for the city, its counties and
-- townships; ADR 42). Today's value on the dashboard is read live, not from here.
create table daily_figure (
    path        varchar(200) not null,
    figure_day  date         not null,
    figure      varchar(40)  not null,
    figure_value bigint      not null,
    constraint pk_daily_figure primary key (path, figure, figure_day)
);
