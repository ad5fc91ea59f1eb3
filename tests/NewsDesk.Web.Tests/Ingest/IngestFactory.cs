using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Ingest;

/// <summary>The app for scraper tests: the loopback fixture site allowed, no background worker, no politeness pauses.</summary>
public class IngestFactory : NewsDeskFactory
{
    public IngestFactory()
    {
        WithSetting("Ingest:Enabled", "false");
        WithSetting("Ingest:AllowPrivateNetworks", "true");
        WithSetting("Ingest:PerHostDelay", "00:00:00");
        WithSetting("Ingest:PerHostConcurrency", "4");
        WithSetting("Ingest:RetryBaseDelay", "00:00:00.050");
        WithSetting("NewsDesk:ImportSeedsOnStart", "false");
    }
}
