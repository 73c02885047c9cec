-- Headline counters of the deployment network (counters, not scans): for every region path (each
-- ancestor of where the record is) and figure, the change in the figure on a day: +1 on the day a
-- deployment or team membership starts, -1 on the day after it ends. A figure on a day is the sum
-- of its changes up to that day, so planned end dates need no job to take effect.
create table front_line_tally (
    path    varchar(200) not null,
    figure  varchar(40)  not null,
    tally_day date       not null,
    delta   bigint       not null,
    constraint pk_front_line_tally primary key (path, figure, tally_day)
);
