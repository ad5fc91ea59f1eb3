using NewsDesk.Web.Domain;
using NewsDesk.Web.Suggestions.Claims;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Tests.Suggestions.Claims;

/// <summary>Each attribution pattern, in English and Arabic: claimant, quote and kind.</summary>
public class AttributionRulesTests
{
    private static readonly AliasIndex _actors = AliasIndex.Build(
    [
        new(1, "IRNA", "IRNA"), new(2, "Al Mayadeen", "Al Mayadeen"), new(3, "Kataib Hezbollah", "Kataib Hezbollah"),
        new(4, "Pentagon", "Pentagon"), new(5, "Hezbollah", "حزب الله"), new(6, "Hamas", "حماس"), new(7, "SANA", "SANA"), new(8, "Reuters", "Reuters"),
        new(9, "IRNA", "وكالة إرنا"),
    ]);

    private static Attribution Single(string text)
    {
        var found = AttributionRules.Find(text, _actors.Find(text).Matches);
        return Assert.Single(found);
    }

    private static string Claimant(string text, Attribution a) => text[a.ClaimantStart..a.ClaimantEnd];

    private static string Quote(string text, Attribution a) => text[a.QuoteStart..a.QuoteEnd];

    [Fact]
    public void X_said_that_gives_the_claimant_the_actor_and_the_clause()
    {
        const string text = "The Pentagon said that two drones were shot down near the base.";
        var a = Single(text);

        Assert.Equal("Pentagon", Claimant(text, a));
        Assert.Equal("Pentagon", a.Claimant!.Candidates[0].ActorName);
        Assert.Equal("two drones were shot down near the base", Quote(text, a));
        Assert.Equal(ClaimKind.Other, a.Kind);
    }

    [Fact]
    public void A_quotation_after_the_verb_is_the_quote_with_its_marks()
    {
        const string text = "Taking credit for an attack in Syria on July 26, Iranian media outlet IRNA proclaimed, \"Resistance groups have reportedly targeted a US military base.\" More followed.";
        var a = AttributionRules.Find(text, _actors.Find(text).Matches)[0];

        Assert.Equal("IRNA", Claimant(text, a));
        Assert.Equal("\"Resistance groups have reportedly targeted a US military base.\"", Quote(text, a));
        Assert.Equal((a.QuoteStart, a.QuoteEnd), (a.Start, a.End));
        Assert.Equal(ClaimKind.Responsibility, a.Kind);
    }

    [Theory]
    [InlineData("Kataib Hezbollah denied that it had attacked the base.", ClaimKind.Denial)]
    [InlineData("Kataib Hezbollah claimed responsibility for the attack on the base.", ClaimKind.Responsibility)]
    [InlineData("Kataib Hezbollah accused Washington of killing its commander.", ClaimKind.Accusation)]
    [InlineData("Kataib Hezbollah blamed the United States for the strike.", ClaimKind.Accusation)]
    [InlineData("Kataib Hezbollah threatened further attacks on US forces.", ClaimKind.Threat)]
    [InlineData("Kataib Hezbollah warned that more attacks would follow.", ClaimKind.Threat)]
    [InlineData("Kataib Hezbollah claimed that the drones had hit their targets.", ClaimKind.Other)]
    public void The_kind_is_guessed_from_the_verb(string text, ClaimKind kind)
    {
        var a = Single(text);

        Assert.Equal("Kataib Hezbollah", Claimant(text, a));
        Assert.Equal(kind, a.Kind);
    }

    [Fact]
    public void A_pronoun_is_a_claimant_without_an_actor()
    {
        const string text = "It also alleged that the US had retaliated.";
        var a = Single(text);

        Assert.Equal("It", Claimant(text, a));
        Assert.Null(a.Claimant);
        Assert.Equal("It also alleged that the US had retaliated", text[a.Start..a.End]);
    }

    [Fact]
    public void According_to_X_gives_the_rest_of_the_sentence()
    {
        const string text = "According to SANA, three soldiers were killed in the strike.";
        var a = Single(text);

        Assert.Equal("SANA", Claimant(text, a));
        Assert.Equal("three soldiers were killed in the strike", Quote(text, a));
    }

    [Fact]
    public void A_quotation_then_the_speaker()
    {
        const string text = "\u201CWe will respond at a time of our choosing,\u201D Kataib Hezbollah said.";
        var a = Single(text);

        Assert.Equal("Kataib Hezbollah", Claimant(text, a));
        Assert.Equal("\u201CWe will respond at a time of our choosing,\u201D", Quote(text, a));
    }

    [Fact]
    public void In_a_statement_carried_by_X_and_X_citing_Y()
    {
        // The group speaks; Al Mayadeen only carries it. Without a speaking verb the carrier is the source.
        const string carried = "In a statement carried by Al Mayadeen, the group said the drones had reached Eilat.";
        var a = Single(carried);
        Assert.Equal("the group", Claimant(carried, a));
        const string carriedOnly = "In a statement carried by Al Mayadeen, the drones had reached Eilat.";
        Assert.Equal("Al Mayadeen", Claimant(carriedOnly, Single(carriedOnly)));
        Assert.Contains("the drones had reached Eilat", Quote(carried, a), StringComparison.Ordinal);

        const string citing = "Reuters, citing SANA, said two missiles struck the airport.";
        var b = Single(citing);
        Assert.Equal("SANA", Claimant(citing, b));
        Assert.Contains("two missiles struck the airport", Quote(citing, b), StringComparison.Ordinal);
    }

    [Fact]
    public void A_passive_verb_is_no_attribution()
    {
        Assert.Empty(AttributionRules.Find("The group was accused of the attack.", []));
    }

    [Fact]
    public void Arabic_qala_inna_with_the_speaker_after_the_verb()
    {
        const string text = "قال حزب الله إن مقاتليه استهدفوا موقعا إسرائيليا.";
        var a = Single(text);

        Assert.Equal("حزب الله", Claimant(text, a));
        Assert.Equal("Hezbollah", a.Claimant!.Candidates[0].ActorName);
        Assert.Equal("مقاتليه استهدفوا موقعا إسرائيليا", Quote(text, a));
    }

    [Fact]
    public void Arabic_nafa_is_a_denial_and_alana_masuuliya_is_responsibility()
    {
        const string denial = "نفت حماس أي علاقة لها بالهجوم على المعبر.";
        var a = Single(denial);
        Assert.Equal("حماس", Claimant(denial, a));
        Assert.Equal(ClaimKind.Denial, a.Kind);

        const string responsibility = "وأعلن حزب الله مسؤوليته عن الهجوم بطائرة مسيرة.";
        var b = Single(responsibility);
        Assert.Equal("حزب الله", Claimant(responsibility, b));
        Assert.Equal(ClaimKind.Responsibility, b.Kind);
    }

    [Fact]
    public void Arabic_bihasab_and_wifqan_li_name_the_source()
    {
        const string text = "بحسب وكالة إرنا، استهدفت الفصائل قاعدة أمريكية في سوريا.";
        var a = Single(text);
        Assert.Equal("وكالة إرنا", Claimant(text, a));
        Assert.Equal("IRNA", a.Claimant!.Candidates[0].ActorName);
        Assert.Equal("استهدفت الفصائل قاعدة أمريكية في سوريا", Quote(text, a));

        const string wifqan = "وفقاً لـحزب الله، سقط صاروخان قرب الحدود.";
        var b = Single(wifqan);
        Assert.Equal("Hezbollah", b.Claimant!.Candidates[0].ActorName);
        Assert.Equal("سقط صاروخان قرب الحدود", Quote(wifqan, b));
    }

    [Fact]
    public void The_ICARO_article_offers_the_IRNA_and_Al_Mayadeen_attributions()
    {
        var index = AliasIndex.Build(SeedKnowledgeBase.Actors());
        var text = SeedKnowledgeBase.IcaroText();

        var found = AttributionRules.Find(text, index.Find(text).Matches);

        Assert.Contains(found, a => a.Claimant?.Candidates[0].ActorName == "IRNA" && text[a.Start..a.End].StartsWith("\"Resistance groups", StringComparison.Ordinal));
        Assert.Contains(found, a => a.Claimant?.Candidates[0].ActorName == "IRNA" && text[a.Start..a.End].StartsWith("\"regional resistance groups", StringComparison.Ordinal));
        Assert.Contains(found, a => text[a.Start..a.End] == "It also alleged that the US had retaliated");
        Assert.Contains(found, a => text[a.ClaimantStart..a.ClaimantEnd] == "Iraqi militias" && text[a.QuoteStart..a.QuoteEnd] == "they launched a drone attack on Eilat");
    }
}
