-- owner: supplies
-- Issue 15: stocks held by units (a paired unit's own store), and allocation from them to the
-- community the unit is paired with, also in answer to a shortage the community raised to the unit
-- (ADR 41, amended). unit_id 0 is a region's own store (a warehouse or a community's); otherwise the
-- unit holding the stock, whose region and path it carries. H2 has no partial unique index, hence 0
-- rather than null in the key.
alter table supply_stock add column unit_id bigint default 0 not null;
alter table supply_stock drop constraint uq_supply_stock_region_item;
alter table supply_stock add constraint uq_supply_stock_holder_item unique (region_id, unit_id, item_id);
create index ix_supply_stock_unit on supply_stock (unit_id);

-- The shortage (liaison) a request answers, when a unit allocated against it.
alter table supply_request add column shortage_id bigint;
create index ix_supply_request_shortage on supply_request (shortage_id);
