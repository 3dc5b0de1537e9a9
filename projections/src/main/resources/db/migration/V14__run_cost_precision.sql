-- A model call costs fractions of a cent: four decimals rounded them away.
ALTER TABLE run_view ALTER COLUMN cost TYPE NUMERIC(20, 10);
ALTER TABLE approval_view ALTER COLUMN estimated_cost TYPE NUMERIC(20, 10);
