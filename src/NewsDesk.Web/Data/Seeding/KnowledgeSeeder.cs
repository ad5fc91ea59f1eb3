using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Data.Records;
using NewsDesk.Web.Domain;

namespace NewsDesk.Web.Data.Seeding;

/// <summary>
/// Imports seeds/actors.json (starter actors with aliases and affiliations) and seeds/annotations/*.json (incidents,
/// claims and mentions of seeded articles). Records are matched by name, title or text, so importing twice adds
/// nothing. A malformed file is logged by name and skipped; a mention whose quote is not the text at its offsets
/// is refused and logged.
/// </summary>
public sealed class KnowledgeSeeder(NewsDeskDbContext db, ArticleSeeder articles, ILogger<KnowledgeSeeder> logger)
{
    public async Task<KnowledgeSeedReport> ImportAsync(CancellationToken cancellationToken)
    {
        var report = new KnowledgeSeedReport();
        var actorsFile = Path.Combine(articles.SeedsDirectory, "actors.json");
        if (File.Exists(actorsFile) && await ReadAsync<List<SeedActor>>(actorsFile, cancellationToken) is { } actors)
        {
            report.Actors = await ImportActorsAsync(actors, actorsFile, cancellationToken);
        }

        var folder = Path.Combine(articles.SeedsDirectory, "annotations");
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                if (await ReadAsync<SeedAnnotations>(file, cancellationToken) is { } annotations)
                {
                    await ImportAnnotationsAsync(annotations, file, report, cancellationToken);
                }
            }
        }

        logger.LogInformation("Imported {Actors} actor(s), {Incidents} incident(s), {Claims} claim(s), {Mentions} mention(s) from {Folder}",
            report.Actors, report.Incidents, report.Claims, report.Mentions, articles.SeedsDirectory);
        return report;
    }

    private async Task<int> ImportActorsAsync(List<SeedActor> seeds, string file, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var byName = await ActorsByNameAsync(cancellationToken);
        var added = 0;
        foreach (var seed in seeds)
        {
            if (string.IsNullOrWhiteSpace(seed.Name))
            {
                logger.LogError("An actor in seed file {File} has no name. Skipped.", Path.GetFileName(file));
                continue;
            }

            if (byName.ContainsKey(seed.Name))
            {
                continue;
            }

            var actor = new Actor
            {
                Name = seed.Name.Trim(),
                Kind = seed.Kind ?? ActorKind.Other,
                AcledType = seed.AcledType,
                Country = seed.Country,
                Description = seed.Description,
                ExternalId = seed.ExternalId,
                Aliases = [.. (seed.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).Select(a => new ActorAlias { Name = a.Trim() })],
            };
            db.Actors.Add(actor);
            byName[actor.Name] = actor;
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var seed in seeds.Where(s => !string.IsNullOrWhiteSpace(s.Name)))
        {
            var actor = await db.Actors.Include(a => a.Affiliations).SingleAsync(a => a.Id == byName[seed.Name!].Id, cancellationToken);
            foreach (var link in seed.Affiliations ?? [])
            {
                if (link.Actor is null || !byName.TryGetValue(link.Actor, out var affiliate))
                {
                    logger.LogWarning("Seed actor {Actor} in {File} is affiliated with unknown actor {Affiliate}. Link skipped.", seed.Name, Path.GetFileName(file), link.Actor);
                }
                else if (affiliate.Id != actor.Id && actor.Affiliations.All(l => l.AffiliateId != affiliate.Id))
                {
                    actor.Affiliations.Add(new ActorAffiliation { AffiliateId = affiliate.Id, Relation = link.Relation });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    private async Task ImportAnnotationsAsync(SeedAnnotations seed, string file, KnowledgeSeedReport report, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        var article = await db.Articles.AsNoTracking().Where(a => a.Url == seed.ArticleUrl).Select(a => new { a.Id, a.Text }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            logger.LogWarning("Seed annotations {File} are for article {Url}, which is not stored. Skipped.", name, seed.ArticleUrl);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var actors = await ActorsByNameAsync(cancellationToken);
        int? ActorId(string? actorName)
        {
            if (actorName is null)
            {
                return null;
            }

            if (actors.TryGetValue(actorName, out var actor))
            {
                return actor.Id;
            }

            logger.LogWarning("Seed file {File} names unknown actor {Actor}; the link is left empty.", name, actorName);
            return null;
        }

        var incidents = await db.Incidents.ToDictionaryAsync(i => i.Title, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var s in seed.Incidents ?? [])
        {
            if (string.IsNullOrWhiteSpace(s.Title) || incidents.ContainsKey(s.Title))
            {
                continue;
            }

            var incident = new Incident
            {
                Title = s.Title,
                Date = s.Date,
                DatePrecision = s.DatePrecision ?? DatePrecision.Day,
                Location = s.Location,
                Admin1 = s.Admin1,
                Country = s.Country,
                Latitude = s.Latitude,
                Longitude = s.Longitude,
                GeoPrecision = s.GeoPrecision,
                Type = s.Type,
                SubType = s.SubType,
                Fatalities = s.Fatalities,
                Status = s.Status ?? IncidentStatus.Reported,
                Notes = s.Notes,
            };
            foreach (var (actorNames, role) in new[] { (s.Perpetrators, IncidentRole.Perpetrator), (s.Targets, IncidentRole.Target) })
            {
                foreach (var actorId in (actorNames ?? []).Select(ActorId).OfType<int>().Distinct())
                {
                    incident.Actors.Add(new IncidentActor { ActorId = actorId, Role = role });
                }
            }

            db.Incidents.Add(incident);
            incidents[incident.Title] = incident;
            report.Incidents++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var claims = await db.Claims.ToDictionaryAsync(c => c.Text, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var s in seed.Claims ?? [])
        {
            if (string.IsNullOrWhiteSpace(s.Text) || claims.ContainsKey(s.Text))
            {
                continue;
            }

            var claim = new Claim
            {
                Text = s.Text,
                ClaimantId = ActorId(s.Claimant),
                RelayedById = ActorId(s.RelayedBy),
                Kind = s.Kind ?? ClaimKind.Other,
                IncidentId = s.Incident is not null && incidents.TryGetValue(s.Incident, out var about) ? about.Id : null,
                ClaimDate = s.Date,
                Assessment = s.Assessment ?? ClaimAssessment.Unverified,
                AssessmentNote = s.AssessmentNote,
            };
            db.Claims.Add(claim);
            claims[claim.Text] = claim;
            report.Claims++;
        }

        await db.SaveChangesAsync(cancellationToken);
        var existing = await db.Mentions.Where(m => m.ArticleId == article.Id).Select(m => new { m.Start, m.End, m.ActorId, m.IncidentId, m.ClaimId }).ToListAsync(cancellationToken);
        foreach (var s in seed.Mentions ?? [])
        {
            var start = s.Start ?? -1;
            var end = s.End ?? start + (s.Quote?.Length ?? 0);
            if (MentionSpan.Check(article.Text, start, end, s.Quote) is { } problem)
            {
                logger.LogError("Seed mention \"{Quote}\" at {Start} in {File} refused: {Reason}", s.Quote, s.Start, name, problem.Message);
                continue;
            }

            (RecordType Type, int Id)? target =
                s.Actor is not null && actors.TryGetValue(s.Actor, out var actor) ? (RecordType.Actor, actor.Id)
                : s.Incident is not null && incidents.TryGetValue(s.Incident, out var incident) ? (RecordType.Incident, incident.Id)
                : s.Claim is not null && claims.TryGetValue(s.Claim, out var claim) ? (RecordType.Claim, claim.Id)
                : null;
            if (target is null)
            {
                logger.LogError("Seed mention \"{Quote}\" in {File} refused: it names no known actor, incident or claim.", s.Quote, name);
                continue;
            }

            var mention = new Mention { ArticleId = article.Id, Start = start, End = end, Quote = s.Quote! };
            mention.PointTo(target.Value.Type, target.Value.Id);
            if (existing.Any(m => m.Start == start && m.End == end && m.ActorId == mention.ActorId && m.IncidentId == mention.IncidentId && m.ClaimId == mention.ClaimId))
            {
                continue;
            }

            db.Mentions.Add(mention);
            report.Mentions++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Dictionary<string, Actor>> ActorsByNameAsync(CancellationToken cancellationToken)
    {
        var actors = await db.Actors.ToListAsync(cancellationToken);
        return actors.DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<T?> ReadAsync<T>(string file, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var stream = File.OpenRead(file);
            return await JsonSerializer.DeserializeAsync<T>(stream, ArticleSeeder.JsonOptions, cancellationToken);
        }
        catch (JsonException ex)
        {
            logger.LogError("Seed file {File} is not valid: {Reason}. Skipped.", Path.GetFileName(file), ex.Message);
            return null;
        }
    }
}

/// <summary>How many knowledge-base records an import added.</summary>
public sealed class KnowledgeSeedReport
{
    public int Actors { get; set; }
    public int Incidents { get; set; }
    public int Claims { get; set; }
    public int Mentions { get; set; }

    public override string ToString() => $"{Actors} actor(s), {Incidents} incident(s), {Claims} claim(s), {Mentions} mention(s)";
}
