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

    [Fact]
    public void Offsets_map_back_across_collapsed_spaces_removed_marks_and_a_letter_that_folds_to_three()
    {
        // 0 A, 1 b, 2-3 two spaces (the second folds to nothing), 4 한 (three jamo), 5 a damma (nothing), 6 c.
        const string text = "Ab  \uD55C\u064Fc";
        var folded = MatchFolding.Fold(text);

        Assert.Equal("ab \u1112\u1161\u11ABc", folded.Text);
        Assert.Equal([0, 1, 2, 4, 4, 4, 6, 7], Enumerable.Range(0, folded.Text.Length + 1).Select(i => folded.Original(i, i).Start));
        Assert.Equal([0, 1, 2, 3, 3, 6, 6, 7], Enumerable.Range(0, text.Length + 1).Select(folded.FoldedIndex));
        Assert.Equal("\uD55C\u064F", text[folded.Original(3, 6).Start..folded.Original(3, 6).End]);
    }

    [Fact]
    public void Plain_text_folds_without_an_offset_per_character()
    {
        var text = string.Concat(Enumerable.Repeat("Kataib Hezbollah said that ", 1_000));
        var folded = MatchFolding.Fold(text);

        var index = text.LastIndexOf("Hezbollah", StringComparison.Ordinal);
        Assert.Equal(index, folded.FoldedIndex(index));
        Assert.Equal((index, index + 9), folded.Original(index, index + 9));
        Assert.Equal(1, folded.ShiftCount);
    }
}
