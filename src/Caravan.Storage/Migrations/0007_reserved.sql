-- Reserved: number 7 belongs to the telemetry pipeline's migration, built alongside the progress table (0008).
-- Migrations are numbered without gaps, so this placeholder holds the number until that migration replaces it.
SELECT 1;
