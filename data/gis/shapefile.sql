-- Marsad's GeoJSON export (marsad export --format geojson) as an ESRI Shapefile, with no warning from GDAL:
--   ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 -oo DATE_AS_STRING=YES -dialect OGRSQL -sql @data/gis/shapefile.sql events.shp events.geojson
-- A DBF field name holds 10 characters: ACLED's longer names get the short names below (docs/exports.md).
-- A DBF cell holds 254 bytes: the English note is split into notes, notes_2 and notes_3 (join them to
-- read it whole; the longest in the 2015 corpus is 264 bytes); the Arabic sentence and the URLs are left out (the GeoPackage keeps every field whole).
SELECT
  event_id_cnty AS event_id, event_date, year, time_precision AS time_prec, disorder_type AS disorder,
  event_type, sub_event_type AS sub_event, actor1, assoc_actor_1 AS assoc_1, inter1, actor2,
  assoc_actor_2 AS assoc_2, inter2, interaction AS interact, civilian_targeting AS civ_target,
  iso, region, country, admin1, admin2, admin3, location, latitude, longitude,
  geo_precision AS geo_prec, source, source_scale AS src_scale,
  SUBSTR(notes, 1, 254) AS notes, SUBSTR(notes, 255, 254) AS notes_2, SUBSTR(notes, 509, 254) AS notes_3,
  fatalities, tags, timestamp,
  actor1_ar, location_ar AS loc_ar, admin1_ar, admin2_ar, marsad_type AS mtype,
  story, reports, outlets, date_last, first_seen
FROM marsad_events
