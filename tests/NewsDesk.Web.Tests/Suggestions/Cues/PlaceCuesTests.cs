using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Places;
using NewsDesk.Web.Suggestions.Cues;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Suggestions.Cues;

/// <summary>Known place names in the text, from the app's own gazetteer and country list, as features for an incident.</summary>
public class PlaceCuesTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private Gazetteer Gazetteer => factory.Services.GetRequiredService<Gazetteer>();

    [Fact]
    public void A_town_of_several_words_is_found_whole_with_its_country_region_and_coordinates()
    {
        const string text = "A drone struck a base near Deir ez-Zor overnight.";

        var cue = Assert.Single(PlaceCues.Find(text, Gazetteer));

        Assert.Equal(("Deir ez-Zor", "Deir ez-Zor", "Syria", "Deir ez-Zor", false), (cue.Quote, cue.Name, cue.Country, cue.Admin1, cue.IsCountry));
        Assert.Equal(text.IndexOf("Deir", StringComparison.Ordinal), cue.Start);
        Assert.Equal(35.3359, cue.Latitude!.Value, 3);
    }

    [Fact]
    public void A_country_is_a_country_cue()
    {
        var cue = Assert.Single(PlaceCues.Find("Militants in Syria said so.", Gazetteer));

        Assert.Equal(("Syria", true), (cue.Quote, cue.IsCountry));
    }

    [Fact]
    public void An_Arabic_place_after_a_proclitic_starts_after_it()
    {
        const string text = "وقع الانفجار ودير الزور هادئة.";

        var cue = Assert.Single(PlaceCues.Find(text, Gazetteer));

        Assert.Equal(("دير الزور", "Deir ez-Zor"), (cue.Quote, cue.Name));
        Assert.Equal(text.IndexOf("دير", StringComparison.Ordinal), cue.Start);
    }

    [Theory]
    [InlineData("They had a nice time in mobile homes.")] // lower case words are not places
    [InlineData("This was also many times more, However, they said.")] // capitalised words that are towns somewhere
    [InlineData("The US and IS met.")] // common words and acronyms
    public void Words_that_are_only_namesakes_of_places_are_not_cues(string text) => Assert.Empty(PlaceCues.Find(text, Gazetteer));

    [Fact]
    public void The_number_of_cues_is_capped()
    {
        var text = string.Concat(Enumerable.Repeat("Damascus. ", 50));

        Assert.Equal(10, PlaceCues.Find(text, Gazetteer, cap: 10).Count);
    }
}
