namespace NewsDesk.Web.Ingest;

/// <summary>The scraper's schedule, politeness and safety limits. Bound to section "Ingest".</summary>
public class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Run the background scraper while serving (verbs such as <c>scrape --once</c> work either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due sources and "fetch now" requests.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sources fetched at the same time (each host still has its own limit).</summary>
    public int MaxConcurrentSources { get; set; } = 4;

    /// <summary>
    /// How long an instance's claim on a source it fetches holds (keep it above the longest fetch): other instances
    /// leave the source alone meanwhile, and the claim of an instance that died runs out after this long.
    /// </summary>
    public TimeSpan SourceLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Bounds of the next-check time, whatever a source's interval or back-off says.</summary>
    public TimeSpan MinFetchInterval { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxFetchInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Identifies NewsDesk to the sites it reads; the URL tells webmasters whom to contact.</summary>
    public string UserAgent { get; set; } = "NewsDesk/1.0 (+https://github.com/newsdesk/newsdesk; news monitoring for editors)";

    /// <summary>The product token robots.txt groups are matched against.</summary>
    public string RobotsToken { get; set; } = "NewsDesk";

    /// <summary>How long a host's robots.txt is trusted before it is read again.</summary>
    public TimeSpan RobotsCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Requests in flight to one host at once, and the pause between the starts of two of them.</summary>
    public int PerHostConcurrency { get; set; } = 1;
    public TimeSpan PerHostDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Everything one URL may take, headers and body and redirects and retries included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Decompressed bytes read from one response before it is abandoned (gzip bombs stop here).</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Items taken from one feed or sitemap fetch; sitemaps keep the newest.</summary>
    public int MaxItemsPerFetch { get; set; } = 1000;

    /// <summary>Article pages of one source fetch downloaded and extracted at once (each host still has its own limit).</summary>
    public int ItemConcurrency { get; set; } = 4;

    /// <summary>
    /// Most articles of one fetch saved in one transaction: the storer takes what is ready when it is free, so a
    /// batch is larger only when pages arrive faster than they are stored.
    /// </summary>
    public int StoreBatchSize { get; set; } = 32;

    /// <summary>Article pages downloaded per source fetch; the rest wait for the next one.</summary>
    public int MaxNewArticlesPerFetch { get; set; } = 200;

    /// <summary>Child sitemaps of a sitemap index read per fetch (the most recently modified), nested ones included.</summary>
    public int MaxChildSitemaps { get; set; } = 5;

    /// <summary>Levels of sitemap indexes followed below the source's own sitemap (an index of indexes is 2).</summary>
    public int MaxSitemapDepth { get; set; } = 3;

    /// <summary>Retries of a 5xx, 408, 429 or network error, with exponential back-off from <see cref="RetryBaseDelay"/>.</summary>
    public int MaxRetries { get; set; } = 2;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A Retry-After up to this long is waited for at once; a longer one postpones the source's next fetch.</summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Connect to private, loopback and link-local addresses (off: the SSRF guard refuses them).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// Hosts trusted even on private addresses (an intranet feed) while AllowPrivateNetworks is off: <c>intranet:8180</c>
    /// (that port only), <c>https://intranet:8443</c> (that origin), or a bare <c>intranet</c> (every port).
    /// </summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    /// <summary>Bits two SimHash fingerprints may differ by and still be the same story.</summary>
    public int NearDuplicateDistance { get; set; } = Domain.SimHash.DefaultMaxDistance;

    /// <summary>How many of the latest articles a new one is compared with for near-duplicates.</summary>
    public int NearDuplicateWindow { get; set; } = 20000;
}
