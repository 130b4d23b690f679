-- H2 only (PostgreSQL reads these tables fast enough through their primary keys, and every extra index costs
-- each ledger write): indexes that hold every column the figure reads use, so H2 answers from the index alone.
-- Through the primary key, H2 fetched each row from the table by its row id, which was half of a Confederation
-- progress call at 1M members (bench/progress/RESULTS.md).
create index ix_unit_month_figure_covering on unit_month_figure (unit_id, month_start, joined, left_count,
    transfers_in, transfers_out, unions_founded, unions_dissolved, unions_moved_in, unions_moved_out);
create index ix_unit_day_figure_covering on unit_day_figure (unit_id, figure_day, joined, left_count,
    transfers_in, transfers_out, unions_founded, unions_dissolved, unions_moved_in, unions_moved_out);
