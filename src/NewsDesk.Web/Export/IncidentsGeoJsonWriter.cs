using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Places;

namespace NewsDesk.Web.Export;

/// <summary>
/// incidents.geojson: the incidents as an RFC 7946 FeatureCollection, one Point feature per incident at
/// [longitude, latitude] (WGS 84), or with a null geometry when it has no coordinates (RFC 7946 §3.2), and the
/// main ACLED fields as properties. Text values get the same formula guard as CSV cells.
/// </summary>
public sealed class IncidentsGeoJsonWriter : IExportDocumentWriter
{
    public string FileName => "incidents.geojson";

    public string ContentType => "application/geo+json; charset=utf-8";

    public async Task<int> WriteAsync(ExportScope scope, Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        var batches = RecordBatches.ReadAsync((await scope.IncidentsAsync(cancellationToken)).AsNoTracking(), i => i.Id, i => i, i => i.Id, cancellationToken);
        await foreach (var batch in batches)
        {
            var roles = await IncidentRoles.ReadAsync(scope.Db, [.. batch.Select(i => i.Id)], cancellationToken);
            foreach (var i in batch)
            {
                var sides = roles.Of(i.Id);
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteNumber("id", i.Id);
                if (i is { Latitude: { } latitude, Longitude: { } longitude })
                {
                    json.WriteStartObject("geometry");
                    json.WriteString("type", "Point");
                    json.WriteStartArray("coordinates");
                    json.WriteNumberValue(longitude);
                    json.WriteNumberValue(latitude);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("geometry");
                }

                json.WriteStartObject("properties");
                json.WriteString("event_id_cnty", Acled.EventIdCnty(Countries.Find(i.Country), i.Id));
                json.WriteString("title", CsvCells.Guarded(i.Title));
                WriteOptional(json, "event_date", i.Date is null ? null : CsvCells.Date(i.Date));
                WriteOptional(json, "event_type", i.Type is null ? null : Acled.EventType(i.Type));
                WriteOptional(json, "sub_event_type", i.SubType);
                WriteOptional(json, "actor1", sides.Actor1?.Name);
                WriteOptional(json, "actor2", sides.Actor2?.Name);
                WriteOptional(json, "country", i.Country);
                WriteOptional(json, "admin1", i.Admin1);
                WriteOptional(json, "location", i.Location);
                if (i.GeoPrecision is { } precision)
                {
                    json.WriteNumber("geo_precision", precision);
                }

                if (i.Fatalities is { } fatalities)
                {
                    json.WriteNumber("fatalities", fatalities);
                }

                json.WriteString("status", i.Status.ToString());
                json.WriteString("url", scope.Links.Incident(i.Id));
                json.WriteEndObject();
                json.WriteEndObject();
                count++;
            }

            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return count;
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, CsvCells.Guarded(value));
        }
    }
}
