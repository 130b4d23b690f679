-- The level-3 units (upper-level unions) keep rows by dimension too: per month and year, and per day for recent days
-- (figures.LevelThree). Their rows are built from the registry at the next start, with every other row by dimension:
-- the marks of the dimensions built so far are dropped, so DimensionsBuild builds them all again (at 15 M members,
-- measured in bench/progress/RESULTS.md).
delete from startup_task where name = 'figures-by-dimension' or name like 'figures-by-dimension:%';
