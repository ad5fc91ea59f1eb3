#!/usr/bin/env Rscript
# Interop check run by CI (.ci/run): every CSV of a new install's export opens with readr::read_csv's defaults,
# with the same rows and columns as the file, and incidents.csv begins with ACLED's columns.
# Usage: readr_reads_export.R DIR   (a folder holding the unzipped export)
suppressPackageStartupMessages(library(readr))
dir <- commandArgs(trailingOnly = TRUE)[1]
for (name in c("articles.csv", "mentions.csv", "actors.csv", "incidents.csv", "claims.csv")) {
  path <- file.path(dir, name)
  frame <- read_csv(path, show_col_types = FALSE, progress = FALSE)
  problems <- problems(frame)
  if (nrow(problems) > 0) stop(sprintf("%s: readr reported %d parsing problem(s)", name, nrow(problems)))
  rows <- nrow(read.csv(path, fileEncoding = "UTF-8-BOM", check.names = FALSE))
  if (nrow(frame) != rows) stop(sprintf("%s: readr read %d rows, read.csv %d", name, nrow(frame), rows))
  if (startsWith(names(frame)[1], "\ufeff")) stop(sprintf("%s: the byte-order mark ended up in the first column name", name))
  cat(sprintf("%s: %d rows x %d columns\n", name, nrow(frame), ncol(frame)))
}
incidents <- read_csv(file.path(dir, "incidents.csv"), show_col_types = FALSE, progress = FALSE)
acled <- c("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
           "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
           "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
           "notes", "fatalities", "tags", "timestamp")
if (!identical(names(incidents)[1:31], acled)) stop("incidents.csv does not begin with ACLED's 31 columns")
if (!inherits(incidents$event_date, "Date")) stop("event_date is not read as a date")
if (!is.numeric(incidents$iso) || !is.numeric(incidents$latitude)) stop("iso / latitude are not read as numbers")
if (!any(grepl("Koniko", incidents$location))) stop("the Koniko incident is missing")
cat("readr reads the export: ok\n")
