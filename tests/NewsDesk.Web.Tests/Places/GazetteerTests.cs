using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Web.Places;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Places;

/// <summary>The offline gazetteer: GeoNames places found by any of their names, and GET /api/places for the forms.</summary>
public class GazetteerTests(NewsDeskFactory factory) : IClassFixture<NewsDeskFactory>
{
    private Gazetteer Gazetteer => factory.Services.GetRequiredService<Gazetteer>();

    [Fact]
    public void A_town_is_found_by_the_start_of_its_name_with_its_region_country_and_coordinates()
    {
        var place = Gazetteer.Search("Deir ez")[0];

        Assert.Equal("Deir ez-Zor", place.Name);
        Assert.Equal("Syria", place.Country);
        Assert.Equal("SY", place.CountryCode);
        Assert.Equal("Deir ez-Zor", place.Admin1);
        Assert.Equal(35.3359, place.Latitude, 3);
        Assert.Equal(40.1408, place.Longitude, 3);
        Assert.True(place.Population > 100_000);
    }

    [Theory]
    [InlineData("دير الزور", "Deir ez-Zor")]
    [InlineData("Dayr az Zawr", "Deir ez-Zor")]
    [InlineData("tehran", "Tehrān")]
    [InlineData("TEHRĀN", "Tehrān")]
    [InlineData("إيلات", "Eilat")]
    public void Alternate_names_in_Arabic_script_and_English_and_any_case_or_accent_find_the_place(string query, string name)
    {
        Assert.Equal(name, Gazetteer.Search(query)[0].Name);
    }

    [Fact]
    public void The_most_populous_of_several_namesakes_comes_first()
    {
        var damascus = Gazetteer.Search("Damascus", 5);

        Assert.Equal("SY", damascus[0].CountryCode);
        Assert.True(damascus.Count > 1);
        Assert.Equal(damascus.OrderByDescending(p => p.Population).Select(p => p.Population), damascus.Select(p => p.Population));
    }

    [Fact]
    public void Nothing_is_found_for_an_empty_query_or_a_name_no_place_has()
    {
        Assert.Empty(Gazetteer.Search(""));
        Assert.Empty(Gazetteer.Search("Xqzvwk"));
    }

    [Fact]
    public async Task The_places_API_gives_what_the_incident_form_fills_in()
    {
        var client = factory.CreateClient();

        var places = await client.GetFromJsonAsync<JsonElement>("/api/places?q=Eilat&limit=3");

        var eilat = places.EnumerateArray().First();
        Assert.Equal("Eilat", eilat.GetProperty("name").GetString());
        Assert.Equal("Israel", eilat.GetProperty("country").GetString());
        Assert.Equal("Southern District", eilat.GetProperty("admin1").GetString());
        Assert.Equal(29.5581, eilat.GetProperty("latitude").GetDouble(), 3);
        Assert.Equal(34.9482, eilat.GetProperty("longitude").GetDouble(), 3);
        Assert.Equal(1, eilat.GetProperty("geoPrecision").GetInt32());
        Assert.Contains("CC BY 4.0", eilat.GetProperty("attribution").GetString(), StringComparison.Ordinal);
        Assert.True(places.GetArrayLength() <= 3);
    }

    [Fact]
    public void Countries_are_found_by_ACLED_s_name_ISO_names_and_codes()
    {
        Assert.Equal(("SYR", 760, "Middle East"), Tuple(Countries.Find("Syria")!));
        Assert.Equal(("SYR", 760, "Middle East"), Tuple(Countries.Find("Syrian Arab Republic")!));
        Assert.Equal(("IRQ", 368, "Middle East"), Tuple(Countries.Find("iraq")!));
        Assert.Equal(("USA", 840, "North America"), Tuple(Countries.Find("US")!));
        Assert.Equal("Eastern Africa", Countries.Find("Ethiopia")!.Region);
        Assert.Null(Countries.Find("Atlantis"));
        Assert.All(Countries.All, c => Assert.NotEqual("", c.Region));
    }

    [Theory]
    [InlineData("Deir ez-Zor")]
    [InlineData("'s-Gravenzande")]
    [InlineData("AL_QAIM  ")]
    [InlineData("Tehrān")]
    [InlineData("دير الزور")]
    [InlineData("Ḩalab")]
    public void A_name_folds_as_the_Unicode_pass_folds_it(string name)
    {
        Assert.Equal(UnicodeFold(name), Gazetteer.Fold(name));
    }

    [Fact]
    public void An_ASCII_name_already_folded_is_its_own_key()
    {
        // The loader folds about 250,000 names; most need no new string.
        var name = "deir ez zor";

        Assert.Same(name, Gazetteer.Fold(name));
    }

    // The folding rule spelt out the slow way: decompose, drop marks and format characters, lower case, dashes to spaces.
    private static string UnicodeFold(string text) => string.Concat(text.Trim().Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format) && c != 'ـ')
        .Select(c => c is '-' or '‐' or '_' ? ' ' : char.ToLowerInvariant(c)));

    private static (string, int, string) Tuple(Country c) => (c.Alpha3, c.Numeric, c.Region);
}
