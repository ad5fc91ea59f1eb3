#!/usr/bin/env python3
"""Interop check run by CI (.ci/run): the export ZIP of a new install opens in pandas with default arguments.

Usage: pandas_reads_export.py ZIP

Issue 5's "done when" asks that the CSVs open in pandas (`pandas.read_csv` with default arguments) with the
tagged ICARO actors, incidents and claims in them. xunit cannot check that without pandas on every user's
machine, so CI installs Debian's python3-pandas and runs this; it compares pandas' reading with Python's csv module.
"""
import csv, io, sys, zipfile

import pandas

tables = {"mentions.csv", "actors.csv", "incidents.csv", "claims.csv", "articles.csv"}
expected = tables | {"claims.jsonld", "incidents.geojson"}
with zipfile.ZipFile(sys.argv[1]) as z:
    names = set(z.namelist())
    assert names == expected, f"ZIP holds {sorted(names)}, expected {sorted(expected)}"
    frames = {}
    for name in sorted(tables):
        raw = z.read(name)
        assert raw.startswith(b"\xef\xbb\xbf"), f"{name}: no UTF-8 byte-order mark"
        frame = pandas.read_csv(io.BytesIO(raw))  # default arguments, as an analyst would
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        header, body = rows[0], rows[1:]
        assert list(frame.columns) == header, f"{name}: pandas read columns {list(frame.columns)}, the file has {header}"
        assert len(frame) == len(body), f"{name}: pandas read {len(frame)} rows, the file has {len(body)}"
        frames[name] = frame
        print(f"{name}: {len(frame)} rows x {len(frame.columns)} columns")

def has(name, column, text):
    values = frames[name][column].astype(str)
    assert values.str.contains(text, regex=False).any(), f"{name}: no {column} containing {text!r}"

has("actors.csv", "name", "Kataib Hezbollah")
has("actors.csv", "name", "IRNA")
has("incidents.csv", "location", "Koniko")
has("claims.csv", "claimant", "IRNA")
has("mentions.csv", "quote", "Kataib Hezbollah")
has("articles.csv", "title", "Iran Increases Use of Proxy Militias")
assert pandas.api.types.is_integer_dtype(frames["mentions.csv"]["start"]), "mentions.csv start is not read as a number"

# ACLED's columns come first, in ACLED's order; with docs/export.md's dtypes the codes stay integers.
acled = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
         "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
         "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
         "notes", "fatalities", "tags", "timestamp"]
assert list(frames["incidents.csv"].columns[:31]) == acled, f"incidents.csv does not begin with ACLED's columns: {list(frames['incidents.csv'].columns[:31])}"
with zipfile.ZipFile(sys.argv[1]) as z:
    ints = ["year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities", "timestamp"]
    typed = pandas.read_csv(io.BytesIO(z.read("incidents.csv")), dtype={c: "Int64" for c in ints})
    for c in ints:
        assert str(typed[c].dtype) == "Int64", f"incidents.csv {c} read as {typed[c].dtype}"
    koniko = typed[typed.location == "Koniko gas field"].iloc[0]
    assert koniko.iso == 760 and koniko.region == "Middle East" and koniko.event_id_cnty.startswith("SYR"), koniko
    import json
    graph = json.loads(z.read("claims.jsonld"))["@graph"]
    assert graph and all(r["@type"] == "ClaimReview" for r in graph), "claims.jsonld holds no ClaimReview"
    features = json.loads(z.read("incidents.geojson"))["features"]
    assert len(features) == len(typed), "incidents.geojson and incidents.csv differ"
print("pandas reads the export: ok")
