-- PostgreSQL: the primary keys of the day and month figures carry the eight flows too (INCLUDE), so the sums of a
-- breakdown (UnitTotalsRepository.totals: 83 units' rows up to two days) are answered from the index alone instead
-- of visiting a heap page per row: the day rows of 83 units for half a month lay on about 840 pages. One index per
-- table as before (H2 has its covering indexes from V12.1). An update of a flow now writes an index entry where it
-- could be a heap-only update; the ledger updates a handful of these rows per change.
alter table unit_day_figure drop constraint unit_day_figure_pkey,
    add constraint unit_day_figure_pkey primary key (unit_id, figure_day)
        include (joined, left_count, transfers_in, transfers_out, unions_founded, unions_dissolved, unions_moved_in,
                 unions_moved_out);
alter table unit_month_figure drop constraint unit_month_figure_pkey,
    add constraint unit_month_figure_pkey primary key (unit_id, month_start)
        include (joined, left_count, transfers_in, transfers_out, unions_founded, unions_dissolved, unions_moved_in,
                 unions_moved_out);
