-- owner: org
-- Issue 14: the organisation department's home counts, under a region, the cadres without any
-- record entry this week; the region keeps how many cadres live at and below it, maintained like
-- party_members (people adjusts it when it registers or moves a person or changes their roles).
alter table region add column cadres bigint not null default 0;
-- The existing cadres, counted once per path they live at and added to every region whose path
-- is a prefix of it (thousands of paths against thousands of regions, not every person).
merge into region r
using (select a.id, sum(c.n) as n
       from (select p.path, count(*) as n
             from person_role pr
             join person p on p.id = pr.person_id
             where pr.role = 'CADRE'
             group by p.path) c
       join region a on c.path like a.path || '%'
       group by a.id) s
on (r.id = s.id)
when matched then update set cadres = s.n;
