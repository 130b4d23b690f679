-- One dimension's months of a period for every union at once, and one dimension's totals, from the index alone.
create index ix_grassroots_union_person_month_start on grassroots_union_person_month
    (dimension, month_start, grassroots_union_id, person_key, joined, left_count, transfers_in, transfers_out);
create index ix_grassroots_union_person_total_dimension on grassroots_union_person_total
    (dimension, grassroots_union_id, person_key, joined, left_count, transfers_in, transfers_out);

