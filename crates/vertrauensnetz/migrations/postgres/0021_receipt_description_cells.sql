-- The evaluation's counts over self-descriptions (issue 6): one index in
-- the order of its groupings (district, group, clock-time bin, darkness)
-- that holds every column the counts read, so they stream from the index
-- in order instead of sorting every row; the period and agency filters
-- are checked on the index entries. It replaces the month index, whose
-- range scan made the planner read every row twice. Keep in step with
-- migrations/sqlite.
DROP INDEX receipt_self_month;
CREATE INDEX receipt_self_cells ON receipt_self_descriptions
    (tenant_id, district, grp, tod_min, dark, vod_window, searched, hit, stop_month, agency);
