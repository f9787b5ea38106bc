-- Vehicles given to patrols, and control-centre units derived from the
-- patrols on duty (issue 8). Keep in step with migrations/postgres.

-- The vehicle (pat_vehicles) a patrol drives; none: on foot.
ALTER TABLE pat_patrols ADD COLUMN vehicle_id UUID;
CREATE INDEX pat_patrols_vehicle ON pat_patrols (tenant_id, vehicle_id, starts_at);

-- The patrol on duty that crews a unit, and its crew's service numbers;
-- none: a standing unit entered by hand.
ALTER TABLE pat_units ADD COLUMN patrol_id UUID;
ALTER TABLE pat_units ADD COLUMN crew TEXT NOT NULL DEFAULT '';
CREATE INDEX pat_units_patrol ON pat_units (tenant_id, patrol_id);
