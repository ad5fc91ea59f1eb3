using System.Text.Json;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Tests.Suggestions;

/// <summary>The project's own seeds (copied beside the app): the ICARO article's text and the starter actors as alias entries.</summary>
public static class SeedKnowledgeBase
{
    private static string SeedPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "seeds", .. parts]);

    /// <summary>The ICARO article's stored text: its paragraphs joined by a blank line, as the seeder stores it.</summary>
    public static string IcaroText()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SeedPath("articles", "000_fdc9f962e834fc36.json")));
        return string.Join("\n\n", json.RootElement.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
    }

    /// <summary>Every seeded actor's name and aliases; actor ids are the file's order from 1.</summary>
    public static IReadOnlyList<AliasEntry> Actors()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SeedPath("actors.json")));
        var entries = new List<AliasEntry>();
        var id = 0;
        foreach (var actor in json.RootElement.EnumerateArray())
        {
            id++;
            var name = actor.GetProperty("name").GetString()!;
            entries.Add(new AliasEntry(id, name, name));
            if (actor.TryGetProperty("aliases", out var aliases))
            {
                entries.AddRange(aliases.EnumerateArray().Select(a => new AliasEntry(id, name, a.GetString()!)));
            }
        }

        return entries;
    }

    /// <summary>The demo annotation's actor mentions: (start, end, actor name).</summary>
    public static IReadOnlyList<(int Start, int End, string Actor)> DemoActorMentions()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SeedPath("annotations", "000_fdc9f962e834fc36.json")));
        return [.. json.RootElement.GetProperty("mentions").EnumerateArray()
            .Where(m => m.TryGetProperty("actor", out _))
            .Select(m => (m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32(), m.GetProperty("actor").GetString()!))];
    }
}
