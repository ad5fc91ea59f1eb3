using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsDesk.Web.Tests.Ingest;

namespace NewsDesk.Web.Tests.Evidence;

/// <summary>
/// A Kestrel site on 127.0.0.1 for the evidence tests: articles whose text a test edits between fetches
/// (<see cref="Publish"/>), an article sent with a huge header set, and the exact bytes of what was served.
/// </summary>
public sealed class EvidenceSite : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string[]> _editions = new();
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public string Url(string path) => new Uri(BaseUrl, path).AbsoluteUri;

    /// <summary>Serves these paragraphs at <c>/news/{slug}.html</c> from now on.</summary>
    public void Publish(string slug, params string[] paragraphs) => _editions[slug] = paragraphs;

    /// <summary>The page bytes as served at <c>/news/{slug}.html</c>.</summary>
    public string Page(string slug) =>
        $"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story {slug}</title></head><body><article><h1>Story {slug}</h1>{string.Concat((_editions.TryGetValue(slug, out var p) ? p : FixturePages.Story(slug)).Select(x => $"<p>{x}</p>"))}</article></body></html>""";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/news/{slug}.html", (string slug) => Results.Text(Page(slug), "text/html; charset=utf-8"));
        app.MapGet("/crowded/{slug}.html", (string slug, HttpContext c) =>
        {
            // 40 headers of 1 KB: under Kestrel's and HttpClient's limits, over the capture's header cap.
            for (var i = 0; i < 40; i++)
            {
                c.Response.Headers[$"X-Filler-{i:00}"] = new string('x', 1000);
            }

            return Results.Text(Page(slug), "text/html; charset=utf-8");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address + "/");
        _app = app;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
