using NewsDesk.Web.Data.TextSearch;
using NewsDesk.Web.Suggestions.Matching;

namespace NewsDesk.Web.Tests.Suggestions.Matching;

/// <summary>Suggestions fold as search folds, plus case and Latin accents, and keep the way back to the original offsets.</summary>
public class MatchFoldingTests
{
    [Theory]
    [InlineData("HÉZBOLLAH", "hezbollah")]
    [InlineData("Kata’ib", "kata'ib")]
    [InlineData("حِزْبُ اللّٰه", "حزب الله")]
    [InlineData("أنصار الله", "انصار الله")]
    [InlineData("إيران", "ايران")]
    [InlineData("المقاومة", "المقاومه")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("حـمـاس", "حماس")]
    [InlineData("ایرنا", "ايرنا")]
    [InlineData("کتائب", "كتايب")]
    [InlineData("Хезболлах ЁЖ ёж", "хезболлах еж еж")]
    [InlineData("Kataib\u00A0  Hezbollah", "kataib hezbollah")]
    public void Folds_case_accents_Arabic_Persian_and_Cyrillic_variants(string text, string folded)
    {
        Assert.Equal(folded, MatchFolding.Fold(text).Text);
    }

    [Fact]
    public void Search_folds_Persian_yeh_and_kaf_and_Cyrillic_yo_too()
    {
        Assert.Equal(TextFolding.Fold("ايرنا"), TextFolding.Fold("ایرنا"));
        Assert.Equal(TextFolding.Fold("كتائب"), TextFolding.Fold("کتائب"));
        Assert.Equal("еж", TextFolding.Fold("ёж"));
    }

    [Fact]
    public void A_folded_range_maps_back_to_the_original_offsets_with_its_marks()
    {
        var text = "وقال حَمَاسُ اليوم";
        var folded = MatchFolding.Fold(text);
        var start = folded.Text.IndexOf("حماس", StringComparison.Ordinal);

        var (from, to) = folded.Original(start, start + 4);

        Assert.Equal("حَمَاسُ", text[from..to]);
    }
}
