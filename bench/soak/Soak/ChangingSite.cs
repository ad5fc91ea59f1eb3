using System.Globalization;
using System.Net;
using System.Text;

namespace Soak;

/// <summary>
/// A news site on loopback whose feed changes every minute: each minute twenty new stories join the feed and the twenty
/// oldest leave it, as a wire service's front page does. Stories name actors the starter seeds know, so suggestions
/// and watchlists have work.
/// </summary>
public sealed class ChangingSite(DateTimeOffset opened, string baseUrl)
{
    public const int NewPerMinute = 20;
    private const int Listed = 40;

    private static readonly string[] Names =
    [
        "Kataib Hezbollah", "Hezbollah", "the Islamic Resistance in Iraq", "Ansar Allah", "the Houthis",
        "Hamas", "the Popular Mobilization Forces", "the Islamic Revolutionary Guard Corps", "CENTCOM", "the Pentagon",
    ];

    private static readonly string[] Verbs = ["said", "claimed", "denied", "warned", "announced", "accused"];

    public static async Task<WebApplication> StartAsync(int port, DateTimeOffset opened)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var site = new ChangingSite(opened, $"http://127.0.0.1:{port}");
        app.MapGet("/feed.xml", () => Results.Text(site.Feed(DateTimeOffset.UtcNow), "application/rss+xml", Encoding.UTF8));
        app.MapGet("/stories/{number:int}.html", (int number) => number <= site.Newest(DateTimeOffset.UtcNow)
            ? Results.Text(Story(number), "text/html", Encoding.UTF8)
            : Results.StatusCode((int)HttpStatusCode.NotFound));
        await app.StartAsync();
        return app;
    }

    /// <summary>The highest story number published by <paramref name="now"/>.</summary>
    public int Newest(DateTimeOffset now) => Listed + (int)Math.Max(0, (now - opened).TotalMinutes) * NewPerMinute;

    private string Feed(DateTimeOffset now)
    {
        var newest = Newest(now);
        var items = new StringBuilder();
        for (var number = newest; number > newest - Listed; number--)
        {
            items.Append(CultureInfo.InvariantCulture, $"""
                <item><title>Story {number}</title><link>{baseUrl}/stories/{number}.html</link><guid>soak-story-{number}</guid>
                <pubDate>{opened.AddSeconds(number).ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>
                """);
        }

        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Soak wire</title><link>{baseUrl}/</link>{items}</channel></rss>""";
    }

    private static string Story(int number)
    {
        var random = new Random(number);
        var paragraphs = new StringBuilder();
        for (var p = 0; p < 12; p++)
        {
            var who = Names[random.Next(Names.Length)];
            var other = Names[random.Next(Names.Length)];
            paragraphs.Append(CultureInfo.InvariantCulture,
                $"<p>In report {number}.{p}, {who} {Verbs[random.Next(Verbs.Length)]} that an attack near Tower {random.Next(1, 40)} " +
                $"on day {random.Next(1, 28)} left {random.Next(0, 9)} people wounded, and officials said {other} had moved fighters " +
                $"across the border overnight, according to local sources who spoke on condition of anonymity.</p>");
        }

        return $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story {number}</title>
            <meta property="og:title" content="Story {number}: clashes reported near the border"></head>
            <body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Story {number}: clashes reported near the border</h1>
            <p class="byline">By Soak Wire</p>{paragraphs}</article></main><footer>Soak wire, loopback edition</footer></body></html>
            """;
    }
}
