using System.Globalization;

namespace NewsDesk.Web.Export;

/// <summary>What exports say about the NewsDesk they come from: links to its records and who reviews claims.</summary>
public sealed record ExportLinks(string PublicBaseUrl, string ReviewerName)
{
    public string Claim(int id) => $"{PublicBaseUrl.TrimEnd('/')}/claims/{id.ToString(CultureInfo.InvariantCulture)}";

    public string Incident(int id) => $"{PublicBaseUrl.TrimEnd('/')}/incidents/{id.ToString(CultureInfo.InvariantCulture)}";

    public string Actor(int id) => $"{PublicBaseUrl.TrimEnd('/')}/actors/{id.ToString(CultureInfo.InvariantCulture)}";
}
