using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsDesk.Web.Api;

/// <summary>
/// A JSON merge patch (RFC 7396) of a record's editable fields, with the version the caller last read: the fields
/// the patch names replace the record's (null clears one), the others stay as they are. The result is the same
/// request a create takes, so a patched record passes exactly the checks a new one does.
/// </summary>
public static class RecordPatch
{
    /// <summary>
    /// Overlays <paramref name="patch"/> on <paramref name="current"/> (the record as a create request). Fields that the
    /// request has no member for, a missing or malformed version and values of the wrong JSON type are field errors.
    /// </summary>
    public static (TRequest? Merged, int Version) Merge<TRequest>(TRequest current, JsonObject patch, JsonSerializerOptions options, ApiValidation validation)
        where TRequest : class
    {
        var merged = JsonSerializer.SerializeToNode(current, options)!.AsObject();
        var fields = merged.Select(p => p.Key).ToDictionary(k => k, StringComparer.OrdinalIgnoreCase);
        int? version = null;
        foreach (var (key, value) in patch)
        {
            if (string.Equals(key, "version", StringComparison.OrdinalIgnoreCase))
            {
                version = value is JsonValue number && number.TryGetValue<int>(out var n) ? n : null;
                if (version is null)
                {
                    validation.Add("version", "version must be the record's version number from your last read.");
                }

                continue;
            }

            if (!fields.TryGetValue(key, out var field))
            {
                validation.Add(key, $"{key} is not a field that can be changed here; the fields are: {string.Join(", ", fields.Keys)}.");
                continue;
            }

            merged[field] = value?.DeepClone();
        }

        if (version is null && !patch.Any(p => string.Equals(p.Key, "version", StringComparison.OrdinalIgnoreCase)))
        {
            validation.Add("version", "version is required: send the record's version from your last read, so nobody's change is overwritten.");
        }

        if (!validation.IsValid)
        {
            return (null, 0);
        }

        try
        {
            return (merged.Deserialize<TRequest>(options), version!.Value);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path ? path[2..] : "body";
            validation.Add(field, $"{field} has a value of the wrong type ({exception.Message.Split('.')[0]}).");
            return (null, 0);
        }
    }

    /// <summary>409: someone saved the record after the caller read it; nothing was changed, theirs is in <c>current</c>.</summary>
    public static IResult Conflict(string noun, int readVersion, int currentVersion, object current) => Results.Problem(
        title: $"Someone else changed this {noun}.",
        detail: $"Someone else saved this {noun} since you read it (you had version {readVersion}; it is now at version {currentVersion}). "
            + "Nothing was changed. Their version is shown now: apply your change to it again if you still mean to.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["problem"] = "versionConflict", ["current"] = current });
}
