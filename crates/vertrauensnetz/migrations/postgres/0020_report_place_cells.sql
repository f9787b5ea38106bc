-- Grid cells for radius queries on reports (issue 7, decision 0039): the
-- cell of a report's place, 0.01° of latitude by 0.01° of longitude
-- (about 1.1 km × 0.7 km in Dortmund), numbered
-- floor((lat + 90) · 100) · 100000 + floor((lon + 180) · 100); none
-- without a place. A query for a circle reads only the cells its box
-- touches, newest first within each; coordinates and id are in the
-- index, so the page of ids comes from the index alone. Keep in step with migrations/sqlite.
ALTER TABLE reports ADD COLUMN place_cell BIGINT;
UPDATE reports SET place_cell = floor((lat + 90) * 100)::bigint * 100000 + floor((lon + 180) * 100)::bigint
 WHERE lat IS NOT NULL AND lon IS NOT NULL;
CREATE INDEX reports_category_cell ON reports (tenant_id, category_id, place_cell, created_at, lat, lon, report_id);
CREATE INDEX reports_cell ON reports (tenant_id, place_cell, created_at, lat, lon, report_id);
-- The cell index serves what the category-and-coordinates index served.
DROP INDEX reports_category_place;
