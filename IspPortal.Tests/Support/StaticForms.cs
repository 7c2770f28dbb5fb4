using System.Net;
using System.Text.RegularExpressions;

namespace IspPortal.Tests.Support;

/// <summary>Posting a static server-rendered page's form over real HTTP, antiforgery token and all (sign-in, pay page, ticket page).</summary>
public static partial class StaticForms
{
    /// <summary>The token the page rendered into its forms.</summary>
    public static string AntiforgeryToken(string html)
    {
        var token = TokenField().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "The page carries an antiforgery token");
        return token;
    }

    /// <summary>The named form's fields with the token from <paramref name="html"/>.</summary>
    public static FormUrlEncodedContent Form(string formName, string html, Dictionary<string, string>? fields = null) =>
        new(new Dictionary<string, string>(fields ?? [])
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
        });

    /// <summary>Posts the form and returns the page that answered (which must be 200).</summary>
    public static async Task<string> PostAsync(HttpClient client, Uri page, string formName, string html, Dictionary<string, string>? fields = null)
    {
        using var content = Form(formName, html, fields);
        using var response = await client.PostAsync(page, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
