namespace NewsDesk.Web.Api;

/// <summary>Collects field errors for a validation problem response (RFC 7807, "errors" by field).</summary>
public sealed class ApiValidation
{
    private readonly Dictionary<string, string[]> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public string? Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required.");
            return null;
        }

        return Optional(value, field, maxLength);
    }

    public string? Optional(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(field, $"{field} is longer than {maxLength} characters.");
        }

        return trimmed;
    }

    /// <summary>Parses an enum by name, ignoring case and separators ("armed group", "armed-group", "armedGroup").</summary>
    public T Enum<T>(string? value, string field, T fallback)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        var normalised = value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (System.Enum.TryParse<T>(normalised, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(normalised, out _))
        {
            return parsed;
        }

        Add(field, $"{field} must be one of: {string.Join(", ", System.Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
        return fallback;
    }

    public IResult Problem() => Results.ValidationProblem(_errors, title: "The request has invalid fields.");
}
