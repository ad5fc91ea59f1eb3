namespace NewsDesk.Web.Domain;

/// <summary>A named set of articles editors work on together ("Iran proxy attacks, July 2024").</summary>
public class Collection
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
    public List<CollectionArticle> Articles { get; set; } = [];
}

public class CollectionArticle
{
    public int CollectionId { get; set; }
    public Collection? Collection { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTime AddedAt { get; set; }
}
