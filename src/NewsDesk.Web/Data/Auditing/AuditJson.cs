using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsDesk.Web.Data.Auditing;

/// <summary>How audit values are written: readable JSON (enums by name, non-ASCII kept) that pages show encoded.</summary>
public static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The fields of an entry's JSON object as text, for display and CSV.</summary>
    public static IReadOnlyDictionary<string, string> Fields(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Dictionary<string, string>();
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => "∅",
                JsonValueKind.String => p.Value.GetString()!,
                _ => p.Value.GetRawText(),
            });
    }
}
