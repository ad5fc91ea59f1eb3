namespace FtsDirect;

/// <summary>The search page's three statements on one engine: ranked ids (21, one more than a page), rows, snippets.</summary>
internal interface ISearchStatements : IDisposable
{
    List<int> Rank();

    void Rows(int[] ids);

    void Snippets(int[] ids);
}
