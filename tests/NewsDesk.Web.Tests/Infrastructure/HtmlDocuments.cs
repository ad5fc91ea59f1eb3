using AngleSharp;
using AngleSharp.Html.Dom;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>Parses responses with AngleSharp so tests assert on the page's structure, not on raw strings.</summary>
public static class HtmlDocuments
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
        return (IHtmlDocument)document;
    }
}
