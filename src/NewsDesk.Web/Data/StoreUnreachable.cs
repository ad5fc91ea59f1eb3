namespace NewsDesk.Web.Data;

/// <summary>
/// A request that failed because the database server could not be reached or dropped the connection (PostgreSQL
/// restarting, a network cut). The open transaction died with the connection, so nothing of it was kept; the person
/// or script is told to try again shortly (503 with Retry-After) instead of seeing a server error.
/// </summary>
public static class StoreUnreachable
{
    public const string Title = "The database cannot be reached just now";

    public const string Detail = "The database server did not answer or dropped the connection, so this request was not completed. Try again in a moment.";

    /// <summary>Seconds a client is asked to wait before sending it again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>True when the exception, or one it wraps, is the engine saying the store is out of reach.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (StoreEngines.IsUnreachable(e))
            {
                return true;
            }
        }

        return false;
    }
}
