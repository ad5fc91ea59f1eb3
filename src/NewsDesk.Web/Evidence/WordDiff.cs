using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace NewsDesk.Web.Evidence;

/// <summary>A word-level difference between two texts (DiffPlex), as runs of unchanged, deleted and inserted text.</summary>
public static class WordDiff
{
    public enum Kind
    {
        Same,
        Deleted,
        Inserted,
    }

    public sealed record Run(Kind Kind, string Text);

    // DiffPlex's WordChunker does not split at line breaks (a paragraph's first word would carry them); this one
    // does. Separators are pieces of their own, so the runs join back into either text.
    private static readonly DelimiterChunker _words = new([' ', '\t', '\r', '\n', '.', ',', ';', ':', '!', '?', '(', ')', '"', '“', '”']);

    public static IReadOnlyList<Run> Between(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var model = InlineDiffBuilder.Instance.BuildDiffModel(before, after, ignoreWhitespace: false, ignoreCase: false, _words);
        var runs = new List<Run>();
        foreach (var piece in model.Lines)
        {
            var kind = piece.Type switch
            {
                ChangeType.Deleted => Kind.Deleted,
                ChangeType.Inserted => Kind.Inserted,
                _ => Kind.Same,
            };
            var text = piece.Text ?? "";
            if (runs.Count > 0 && runs[^1].Kind == kind)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + text };
            }
            else
            {
                runs.Add(new Run(kind, text));
            }
        }

        return runs;
    }
}
