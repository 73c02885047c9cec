-- Party members at the front (deployment, part C): a responsibility zone and a model post end
-- without losing their history, as a claimed post is released (claimed_post.released_on).
alter table responsibility_zone add column ended_on date;
alter table model_post add column ended_on date;
