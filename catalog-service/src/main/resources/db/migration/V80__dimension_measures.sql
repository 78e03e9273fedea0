-- Each dimension declares how its usage is measured (aggregation, uniqueProperty) and optionally a
-- prepaid tokenRate. Dimensions created before that were summed: say so in every stored one.
update listing
set dimensions = jsonb_build_object('items', (
        select coalesce(jsonb_agg(
                   case when item ? 'aggregation' then item else item || '{"aggregation": "SUM"}'::jsonb end
                   order by position), '[]'::jsonb)
        from jsonb_array_elements(dimensions->'items') with ordinality as items(item, position)));
