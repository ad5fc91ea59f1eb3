using AngleSharp.Html.Dom;
using NewsDesk.Web.Tests.Infrastructure;

namespace NewsDesk.Web.Tests.Auth;

/// <summary>Posts a form as a signed-in browser would: with an antiforgery token its session got from a page it may read.</summary>
public static class AuthTestSupport
{
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var page = await client.GetDocumentAsync("/account/password");
        return (page.QuerySelector("form.change-password input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("No antiforgery token: is the client signed in?");
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var token = await client.AntiforgeryTokenAsync();
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new("__RequestVerificationToken", token)]));
    }
}
