using System.Net;
using System.Text.RegularExpressions;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Platform.Edge;

public sealed partial class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("login", HttpStatusCode.OK)]
    [InlineData("api/customers", HttpStatusCode.Unauthorized)]
    [InlineData("no-such-page", HttpStatusCode.Redirect)]
    [InlineData("_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("css/app.css", HttpStatusCode.OK)]
    public async Task Every_kind_of_response_carries_the_security_headers(string path, HttpStatusCode expected)
    {
        // Not following redirects: an anonymous request for a page is answered by a redirect to sign in, which needs the headers too.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.DoesNotContain("unsafe-inline';", csp.Split("style-src")[0], StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_nonces_its_inline_import_map_with_the_nonce_of_its_own_policy()
    {
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };

        using var response = await client.GetAsync(new Uri("login", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var nonce = Nonce().Match(Header(response, "Content-Security-Policy")).Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<script(?![^>]*\b(src|nonce)=)[^>]*>", html);
    }

    [Fact]
    public async Task Pay_links_send_no_referrer_and_only_the_api_reference_page_may_run_inline_script()
    {
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };

        using var pay = await client.GetAsync(new Uri("bayar/unknown-token", UriKind.Relative));
        using var docs = await client.GetAsync(new Uri("api/docs", UriKind.Relative));
        using var document = await client.GetAsync(new Uri("api/docs/v1.json", UriKind.Relative));

        Assert.Equal("no-referrer", Header(pay, "Referrer-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-inline'", Header(docs, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(docs, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline'; style", Header(document, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("'nonce-", Header(document, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode}).");

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
