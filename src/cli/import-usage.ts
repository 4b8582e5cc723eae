/** The import command's options, shown by `kvartal help` and on a usage mistake. */
export const IMPORT_USAGE = `kvartal import <file> [options]
  --format kml|kmz|geojson|overpass-json|osm-xml|csv   (default: from the file's content and name)
  --dry-run                  report what would happen; write nothing
  --partial                  import the valid records even if some are invalid (rejects go to the report)
  --category-map FILE        JSON object: layer name, category text or OSM "key=value" -> category slug or "skip"
  --default-category SLUG    category for records nothing else places
  --source NAME              what the places are recorded as coming from (default: the file's name)
  --duplicates merge|skip    likely duplicates of existing places: fill their blanks (default) or leave them
  --report FILE              write the full report as JSON (default with --partial: <file>.import-report.json)
  --columns KEY=HEADER,...   CSV column mapping, e.g. name=Заведение,lat=Ш,lon=Д
  --encoding utf-8|windows-1251|windows-1250   CSV encoding (default: detected)
  --delimiter CHAR           CSV delimiter (default: detected)`;
