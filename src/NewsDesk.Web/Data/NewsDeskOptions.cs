namespace NewsDesk.Web.Data;

/// <summary>Where NewsDesk keeps its files and what it does on first start. Bound to section "NewsDesk".</summary>
public class NewsDeskOptions
{
    public const string SectionName = "NewsDesk";

    /// <summary>Folder for the database, logs and other state; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Folder of seed data; defaults to the seeds/ shipped beside the executable.</summary>
    public string? SeedsDirectory { get; set; }

    /// <summary>Import the seeds into an empty database when the app starts serving.</summary>
    public bool ImportSeedsOnStart { get; set; } = true;

    /// <summary>
    /// Memory for pages cached until the store changes (article pages, history panels), in megabytes; the least
    /// recently used go first when it is full.
    /// </summary>
    public int PageCacheMegabytes { get; set; } = 64;

    /// <summary>Start-up refuses to begin with less free space than this on the data directory's disk.</summary>
    public long MinimumFreeDiskMegabytes { get; set; } = 64;

    /// <summary>
    /// The most the database may grow to, in megabytes (fractions allowed); none by default. A write that would pass
    /// it fails as a full disk would ("disk full: nothing saved"), so a shared disk keeps room for the rest of the
    /// machine. SQLite applies it per connection (<c>max_page_count</c>); a server engine uses its own quotas.
    /// </summary>
    public double? DatabaseSizeLimitMegabytes { get; set; }

    /// <summary>A PKCS#12 (.pfx) certificate that encrypts the data-protection keys; none: owner-only file permissions.</summary>
    public string? KeysCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeysCertificatePath"/> (better from an environment variable or systemd credential).</summary>
    public string? KeysCertificatePassword { get; set; }

    /// <summary>The organisation that reviews claims: the ClaimReview author of a claim whose reviewer is not set.</summary>
    public string ReviewerName { get; set; } = "NewsDesk";

    /// <summary>Address readers reach this NewsDesk at; exported links to records (a ClaimReview's url) start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>
    /// The database engine behind <c>ConnectionStrings:NewsDesk</c>: an embedded SQLite file (the default) or a
    /// PostgreSQL server that several app instances and scrapers share.
    /// </summary>
    public DatabaseEngine Database { get; set; } = DatabaseEngine.Sqlite;
}

/// <summary>The engines NewsDesk runs on (<c>NewsDesk:Database</c>).</summary>
public enum DatabaseEngine
{
    Sqlite,
    PostgreSQL,
}
