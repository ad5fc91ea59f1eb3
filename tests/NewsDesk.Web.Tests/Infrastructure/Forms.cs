using AngleSharp.Html.Dom;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>Submits a page's form as a browser would: with the antiforgery token (and every other field, for SubmitFormAsync) the page rendered.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> overrides)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitFormAsync(page, pageUrl, overrides);
    }

    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, IHtmlDocument page, string pageUrl, IReadOnlyDictionary<string, string> overrides)
    {
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Single(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("checkbox" or "radio" or "submit"):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }

        fields.RemoveAll(f => overrides.ContainsKey(f.Key));
        fields.AddRange(overrides);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

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
