using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Timeline;

namespace NewsDesk.Web.Tests.Timeline;

public class IncidentTimelineTests(IncidentTimelineTests.World world) : IClassFixture<IncidentTimelineTests.World>
{
    public sealed class World : NewsDeskFactory
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private bool _built;

        // The counts below are exact: the seeded ICARO incidents would add to them.
        public World() => WithSetting("NewsDesk:ImportSeedsOnStart", "false");

        public int Kataib { get; private set; }

        public async Task EnsureAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_built)
                {
                    return;
                }

                var kataib = new Actor { Name = "Kataib Hezbollah", Kind = ActorKind.ArmedGroup };
                var houthis = new Actor { Name = "Houthis", Kind = ActorKind.ArmedGroup };
                await InsertAsync(kataib, houthis);
                Kataib = kataib.Id;
                await InsertAsync(
                    Incident("Drone attack in Jordan killing three US soldiers", 2024, 1, 28, "Jordan", IncidentType.ExplosionsRemoteViolence, kataib),
                    Incident("Houthi attack on Tel Aviv", 2024, 7, 19, "Israel", IncidentType.ExplosionsRemoteViolence, houthis),
                    Incident("Attack on Asad base", 2024, 7, 24, "Iraq", IncidentType.ExplosionsRemoteViolence, kataib),
                    Incident("Missile attack on the US base at the Koniko gas field", 2024, 7, 26, "Syria", IncidentType.ExplosionsRemoteViolence, null),
                    Incident("Second strike on Koniko", 2024, 7, 26, "Syria", IncidentType.Battles, null),
                    new Incident { Title = "Undated rumour" });
                _built = true;
            }
            finally
            {
                _gate.Release();
            }
        }

        private static Incident Incident(string title, int y, int m, int d, string country, IncidentType type, Actor? perpetrator)
        {
            var incident = new Incident { Title = title, Date = new DateOnly(y, m, d), Country = country, Type = type };
            if (perpetrator is not null)
            {
                incident.Actors.Add(new IncidentActor { ActorId = perpetrator.Id, Role = IncidentRole.Perpetrator });
            }

            return incident;
        }

        public async Task<TimelineData> BuildAsync(TimelineFilter filter)
        {
            await EnsureAsync();
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IncidentTimeline>().BuildAsync(filter, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Incidents_are_counted_per_day()
    {
        var data = await world.BuildAsync(new TimelineFilter(null, null, new DateOnly(2024, 7, 1), null, TimelineGranularity.Day));

        Assert.Equal(
            [(new DateOnly(2024, 7, 19), 1), (new DateOnly(2024, 7, 24), 1), (new DateOnly(2024, 7, 26), 2)],
            data.Buckets.Select(b => (b.Start, b.Incidents.Count)).ToList());
    }

    [Fact]
    public async Task Incidents_are_counted_per_ISO_week_starting_monday()
    {
        var data = await world.BuildAsync(new TimelineFilter(null, null, null, null, TimelineGranularity.Week));

        Assert.Equal(
            [(new DateOnly(2024, 1, 22), 1), (new DateOnly(2024, 7, 15), 1), (new DateOnly(2024, 7, 22), 3)],
            data.Buckets.Select(b => (b.Start, b.Incidents.Count)).ToList());
    }

    [Fact]
    public async Task A_long_span_switches_to_weeks_by_itself_and_undated_incidents_are_left_out()
    {
        var data = await world.BuildAsync(new TimelineFilter(null, null, null, null, null));

        Assert.Equal(TimelineGranularity.Week, data.Granularity);
        Assert.Equal(5, data.IncidentCount);
    }

    [Fact]
    public async Task The_timeline_filters_by_actor_and_by_country()
    {
        await world.EnsureAsync();

        var byActor = await world.BuildAsync(new TimelineFilter(world.Kataib, null, null, null, TimelineGranularity.Day));
        var byCountry = await world.BuildAsync(new TimelineFilter(null, "Syria", null, null, TimelineGranularity.Day));

        Assert.Equal(["Drone attack in Jordan killing three US soldiers", "Attack on Asad base"], byActor.Buckets.SelectMany(b => b.Incidents).Select(i => i.Title));
        Assert.Equal([2], byCountry.Buckets.Select(b => b.Incidents.Count));
    }

    [Fact]
    public async Task The_page_draws_an_svg_with_one_linked_mark_per_incident_coloured_by_type()
    {
        await world.EnsureAsync();

        var page = await world.CreateClient().GetDocumentAsync("/timeline?from=2024-07-01&by=Day");

        var svg = page.QuerySelector("svg.timeline")!;
        var marks = svg.QuerySelectorAll("a.timeline-mark").ToList();
        Assert.Equal(4, marks.Count);
        Assert.All(marks, m => Assert.Matches("^/incidents/[0-9]+$", m.GetAttribute("href")!));
        var colours = marks.Select(m => m.QuerySelector("rect")!.GetAttribute("fill")).ToList();
        Assert.Equal(2, colours.Distinct().Count());
        Assert.Contains(marks, m => m.QuerySelector("title")!.TextContent.StartsWith("Houthi attack on Tel Aviv (19 Jul 2024, Israel)", StringComparison.Ordinal));
        Assert.NotEmpty(svg.QuerySelectorAll("text.tick"));
    }
}
