using AngleSharp.Html.Dom;

namespace NewsDesk.Web.Tests.Infrastructure;

/// <summary>Submits a page's form as a browser would: every field as rendered (antiforgery token, hidden Version), some overridden.</summary>
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
}
