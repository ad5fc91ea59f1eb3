#!/usr/bin/env bash
# Builds a SQLite database shaped like a busy NewsDesk: the real schema (the app's own migrations), then
# ARTICLES articles with MENTIONS mentions spread over them, 1,000 actors, 500 incidents and 500 claims,
# inserted with set-based SQL in one transaction (seconds, not minutes).
# Usage: bench/export/generate.sh DB [MENTIONS=1000000] [ARTICLES=10000]
set -euo pipefail
db=${1:?usage: generate.sh DB [MENTIONS] [ARTICLES]}
mentions=${2:-1000000}
articles=${3:-10000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
app="$root/src/NewsDesk.Web/bin/Release/net10.0"

command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
[ -f "$app/NewsDesk.Web.dll" ] || dotnet build "$root/src/NewsDesk.Web" -c Release -v q >/dev/null

rm -f "$db" "$db-wal" "$db-shm"
db=$(realpath "$db")
(cd "$app" && dotnet NewsDesk.Web.dll migrate "--ConnectionStrings:NewsDesk=Data Source=$db" --NewsDesk:ImportSeedsOnStart=false >/dev/null 2>&1)

per_article=$(( (mentions + articles - 1) / articles ))
sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO Actors(Id, Name, Kind, Country, Description, ExternalId, CreatedAt, UpdatedAt, CreatedBy, Version)
SELECT i, 'Actor ' || i, 'ArmedGroup', 'Iraq', 'Benchmark actor number ' || i, 'Q' || (1000 + i),
       '2024-07-28 09:00:00', '2024-07-28 09:00:00', 'bench', 1 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO ActorAliases(ActorId, Name) SELECT i, 'Alias of actor ' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
INSERT INTO Incidents(Id, Title, Date, DatePrecision, Country, Latitude, Longitude, Type, Fatalities, Status, Notes, CreatedAt, UpdatedAt, Version)
SELECT i, 'Incident ' || i, '2024-07-26', 'Day', 'Syria', 35.3 + i / 1000.0, -40.1 - i / 1000.0, 'ExplosionsRemoteViolence', i % 5,
       'Reported', 'Notes on incident ' || i, '2024-07-28 09:00:00', '2024-07-28 09:00:00', 1 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
INSERT INTO IncidentActors(IncidentId, ActorId, Role) SELECT i, i, 'Perpetrator' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
INSERT INTO Claims(Id, Text, ClaimantId, Kind, IncidentId, Assessment, CreatedAt, UpdatedAt, Version)
SELECT i, 'Group ' || i || ' claims the attack', i, 'Responsibility', i, 'Unverified', '2024-07-28 09:00:00', '2024-07-28 09:00:00', 1 FROM n;
-- Articles of about 2,000 characters of prose, so each mention has real context to cut.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $articles)
INSERT INTO Articles(Id, Url, Title, SiteName, Language, PublishedAt, PublishedPrecision, FetchedAt, Text, ContentHash)
SELECT i, 'https://news.example.test/story/' || i, 'Story ' || i || ': militias target US forces', 'Example News', 'en',
       datetime('2024-07-01', '+' || (i % 30) || ' days'), 'Day', '2024-07-28 09:00:00',
       replace(printf('%.40c', '*'), '*', 'Iranian-backed militias struck again, officials said. '), printf('%064d', i) FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $mentions - 1)
INSERT INTO Mentions(ArticleId, Start, "End", Quote, ActorId, IncidentId, ClaimId, CreatedAt, UpdatedAt, CreatedBy)
SELECT 1 + i / $per_article, (i % $per_article) * 18, (i % $per_article) * 18 + 8, 'militias',
       CASE WHEN i % 3 = 0 THEN 1 + i % 1000 END, CASE WHEN i % 3 = 1 THEN 1 + i % 500 END, CASE WHEN i % 3 = 2 THEN 1 + i % 500 END,
       '2024-07-28 10:00:00', '2024-07-28 10:00:00', 'bench' FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
echo "$db: $(sqlite3 "$db" 'SELECT count(*) FROM Mentions') mentions in $(sqlite3 "$db" 'SELECT count(*) FROM Articles') articles"
