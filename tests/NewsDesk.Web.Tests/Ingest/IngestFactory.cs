using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>The app for scraper tests: the loopback fixture site allowed, no background worker, no politeness pauses.</summary>
public class IngestFactory : NewsDeskFactory
{
    public IngestFactory()
        : this(TestStore.DefaultEngine)
    {
    }

    /// <summary>On the given engine whatever the suite runs on (xunit allows a fixture one public constructor).</summary>
    protected IngestFactory(TestEngine engine)
        : base(engine)
    {
        WithSetting("Ingest:Enabled", "false");
        WithSetting("Ingest:AllowPrivateNetworks", "true");
        WithSetting("Ingest:PerHostDelay", "00:00:00");
        WithSetting("Ingest:PerHostConcurrency", "4");
        WithSetting("Ingest:RetryBaseDelay", "00:00:00.050");
        WithSetting("NewsDesk:ImportSeedsOnStart", "false");
    }
}

/// <summary>The scraper tests' app on SQLite whatever the suite runs on: for tests about SQLite itself (its triggers).</summary>
public sealed class SqliteIngestFactory() : IngestFactory(TestEngine.Sqlite);
