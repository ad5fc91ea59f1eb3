using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Web.Auth;
using NewsDesk.Web.Domain;
using NewsDesk.Web.Tests.Infrastructure;
using NewsDesk.Web.Tests.Infrastructure.Builders;

namespace NewsDesk.Web.Tests.Auth;

public class ConcurrentEditTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    [Fact]
    public async Task Two_editors_saving_the_same_actor_the_second_sees_the_first_ones_change_and_overwrites_nothing()
    {
        Actor actor = new ActorBuilder().Named("Kataib Hezbollah");
        await factory.InsertAsync(actor);
        await factory.EnsureUserAsync(Roles.Editor, "amira@newsdesk.test");
        await factory.EnsureUserAsync(Roles.Editor, "ben@newsdesk.test");
        var amira = factory.CreateAnonymousClient();
        var ben = factory.CreateAnonymousClient();
        await NewsDeskFactory.SignInAsync(amira, "amira@newsdesk.test");
        await NewsDeskFactory.SignInAsync(ben, "ben@newsdesk.test");
        var amirasForm = await amira.GetDocumentAsync($"/actors/{actor.Id}/edit");
        var bensForm = await ben.GetDocumentAsync($"/actors/{actor.Id}/edit");

        var first = await amira.SubmitFormAsync(amirasForm, $"/actors/{actor.Id}/edit", new Dictionary<string, string> { ["Form.Name"] = "Kata'ib Hizballah", ["Form.Country"] = "Iraq" });
        var second = await ben.SubmitFormAsync(bensForm, $"/actors/{actor.Id}/edit", new Dictionary<string, string> { ["Form.Name"] = "KH" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await second.ReadDocumentAsync();
        Assert.Contains("Nothing was overwritten", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        var theirs = page.QuerySelector(".their-changes")!.TextContent;
        Assert.Contains("amira@newsdesk.test", theirs, StringComparison.Ordinal);
        Assert.Contains("Kataib Hezbollah", theirs, StringComparison.Ordinal);
        Assert.Contains("Kata'ib Hizballah", theirs, StringComparison.Ordinal);
        Assert.Contains("Iraq", theirs, StringComparison.Ordinal);
        var stored = await factory.ExecuteDbContextAsync(db => db.Actors.AsNoTracking().SingleAsync(a => a.Id == actor.Id));
        Assert.Equal("Kata'ib Hizballah", stored.Name);
        Assert.Equal("amira@newsdesk.test", stored.UpdatedBy);
        Assert.Equal(2, stored.Version);
    }
}
