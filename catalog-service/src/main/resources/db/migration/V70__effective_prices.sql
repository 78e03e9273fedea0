-- What /pricing lists: one row per effective price, of two kinds.
--   PLAN: a price definition of a plan's newest published version (drafts and superseded versions never);
--   SKU:  one currency's amount of an article's purchase (PUR) or suggested retail (SRP) price object,
--         as a UNIT price of one open range, with the article's orderable window.
-- A SKU row's id is derived from what identifies the amount (article, price list, currency), so it is
-- stable while the amount is, and is a Mercato-shaped string like the plan prices' ids.
-- Every column is cast to the type of its table counterpart so both halves agree and the schema validates.
create view effective_price as
select pp.id::varchar(80)                 as id,
       'PLAN'::varchar(10)                as kind,
       pp.plan_id                         as plan_id,
       pp.plan_version                    as plan_version,
       null::varchar(35)                  as sku,
       null::varchar(3)                   as price_list,
       pp.owner_id                        as owner_id,
       pp.currency                        as currency,
       pp.pricing_period                  as pricing_period,
       pp.cost_type_category              as cost_type_category,
       pp.pricing_strategy                as pricing_strategy,
       pp.unit                            as unit,
       pp.listing_id                      as listing_id,
       pp.dimension_key                   as dimension_key,
       pp.unit_allows_decimals            as unit_allows_decimals,
       pp.increment                       as increment,
       pp.package_size                    as package_size,
       null::date                         as start_date,
       null::date                         as end_date,
       pp.created_at                      as created_at
from plan_price pp
join plan p on p.id = pp.plan_id and p.published_version = pp.plan_version
union all
select (a.id || '_' || lower(ap.price_list) || '_' || ap.currency)::varchar(80),
       'SKU'::varchar(10),
       null::varchar(40),
       null::integer,
       a.sku,
       ap.price_list,
       a.owner_id,
       ap.currency,
       null::varchar(20),
       null::varchar(20),
       'UNIT'::varchar(20),
       null::varchar(50),
       null::varchar(40),
       null::varchar(64),
       false,
       null::numeric,
       null::numeric,
       a.start_date,
       a.end_date,
       a.created_at
from article_price ap
join article a on a.id = ap.article_id;

-- The ranges of each effective price: a plan price's own ranges; for a SKU amount one range from 0, open-ended.
create view effective_price_range as
select r.price_id::varchar(80) as price_id,
       r.position              as position,
       r.min_quantity          as min_quantity,
       r.max_quantity          as max_quantity,
       r.sale_price            as sale_price,
       r.wholesale_price       as wholesale_price,
       r.flat_amount           as flat_amount
from plan_price_range r
union all
select (a.id || '_' || lower(ap.price_list) || '_' || ap.currency)::varchar(80),
       0,
       0::numeric,
       null::numeric,
       ap.amount,
       null::numeric,
       null::numeric
from article_price ap
join article a on a.id = ap.article_id;
