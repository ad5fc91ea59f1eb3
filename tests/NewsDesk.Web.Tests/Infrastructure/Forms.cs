using AngleSharp.Html.Dom;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>Submits a page's form as a browser would: with the antiforgery token the page rendered into it.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string pageUrl, string formSelector, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var token = (form.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException($"Form '{formSelector}' on {pageUrl} has no antiforgery token.");
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await client.PostAsync(action, content);
    }

    public static KeyValuePair<string, string> Field(string name, object value) =>
        new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
}
