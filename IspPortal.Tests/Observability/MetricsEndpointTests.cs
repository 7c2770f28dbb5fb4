using System.Net;
using System.Net.Http.Headers;
using IspPortal.Core.Common;
using IspPortal.Tests.Support;
using IspPortal.Web.Host;
using Microsoft.AspNetCore.Hosting;

namespace IspPortal.Tests.Observability;

/// <summary>The portal with a metrics token, for the clients /metrics answers and the ones it does not.</summary>
public sealed class MetricsTokenPortalFactory : PortalFactory
{
    public const string Token = "metrics-token-for-the-tests-0123456789";
    public const int PerAddressPerMinute = 10;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(MetricsAccess.TokenKey, Token);
        builder.UseSetting($"{RateLimitSettings.SectionName}:{nameof(RateLimitSettings.PerAddressPerMinute)}", PerAddressPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class MetricsEndpointTests(MetricsTokenPortalFactory portal) : IClassFixture<MetricsTokenPortalFactory>
{
    // The portal trusts forwarded headers from loopback (no proxy configured), as a local proxy would send them.
    private const string OutsideAddress = "203.0.113.90";

    [Fact]
    public async Task Loopback_gets_prometheus_text_with_the_portals_own_metrics()
    {
        using var client = Client();

        using var response = await client.GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains($"# TYPE {PortalMetrics.RoutersReachable} gauge", text, StringComparison.Ordinal);
        Assert.Contains($"# TYPE {PortalMetrics.OutboxPending} gauge", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token-wrong-token-wrong")]
    [InlineData("Basic " + MetricsTokenPortalFactory.Token)]
    public async Task Anyone_else_without_the_token_gets_the_ordinary_404(string? authorization)
    {
        using var client = Client(OutsideAddress);
        if (authorization is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("ispportal_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bearer_token_opens_it_from_anywhere()
    {
        using var client = Client(OutsideAddress);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsTokenPortalFactory.Token);

        using var response = await client.GetAsync("metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PortalMetrics.OutboxPending, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrapes_are_not_counted_by_the_rate_limits()
    {
        using var client = Client("203.0.113.91");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsTokenPortalFactory.Token);

        var statuses = new List<HttpStatusCode>();
        for (var scrape = 0; scrape < MetricsTokenPortalFactory.PerAddressPerMinute * 2; scrape++)
        {
            using var response = await client.GetAsync("metrics");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private HttpClient Client(string? from = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = portal.BaseAddress };
        if (from is not null)
            client.DefaultRequestHeaders.Add("X-Forwarded-For", from);
        return client;
    }
}
