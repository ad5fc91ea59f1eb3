namespace NewsDesk.Web.Domain;

/// <summary>How a source is doing, in the words lists show: ok, failing, disabled or never fetched.</summary>
public static class SourceState
{
    public static string Of(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return !source.Enabled ? "disabled"
            : source.LastFetchedAt is null ? "never fetched"
            : source.ConsecutiveErrors > 0 ? "failing"
            : "ok";
    }
}
