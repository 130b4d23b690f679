-- Statistics group grassroots unions by their enterprise's attributes, so they need each union's members on a
-- date. Summing a union's monthly rows from its founding costs its whole history (9.7 million rows for the
-- national registry); with the all-time sums kept per union, the members on d are the total minus the months
-- after d, and a statistics call reads only the months from the start of its period to now.
--
-- grassroots_union_total: per grassroots union, the sums of all its grassroots_union_month rows, written by the
--   same statements as those rows (MembershipLedger, through FiguresRepository.apply) and rebuilt and compared
--   by FiguresRecount.

create table grassroots_union_total (
    grassroots_union_id bigint not null primary key references grassroots_union (id),
    joined              bigint not null,
    left_count          bigint not null,
    transfers_in        bigint not null,
    transfers_out       bigint not null
);

insert into grassroots_union_total (grassroots_union_id, joined, left_count, transfers_in, transfers_out)
select grassroots_union_id, sum(joined), sum(left_count), sum(transfers_in), sum(transfers_out)
from grassroots_union_month
group by grassroots_union_id;

-- The months of a period for every union at once, read from the index alone.
create index ix_grassroots_union_month_start on grassroots_union_month
    (month_start, grassroots_union_id, joined, left_count, transfers_in, transfers_out);
