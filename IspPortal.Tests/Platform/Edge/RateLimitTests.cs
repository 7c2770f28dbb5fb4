using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace IspPortal.Tests.Platform.Edge;

/// <summary>A portal with small limits; loopback is its trusted proxy, so each test picks its own client address with X-Forwarded-For.</summary>
public sealed class RateLimitedPortalFactory : PortalFactory
{
    public const int PerAddress = 6;
    public const int PerKey = 3;
    public const int Webhooks = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:PerAddressPerMinute", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ApiPerKeyPerMinute", PerKey.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:WebhooksPerMinute", Webhooks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class RateLimitTests(RateLimitedPortalFactory portal) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task Anonymous_flood_of_the_api_is_refused_with_429_problem_and_retry_after_before_authentication()
    {
        using var client = ClientFrom("203.0.113.10");

        for (var i = 0; i < RateLimitedPortalFactory.PerAddress; i++)
        {
            using var allowed = await client.GetAsync(new Uri("api/customers", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }
        using var refused = await client.GetAsync(new Uri("api/customers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);

        // Assets, health probes and other addresses are not held up by this address's flood.
        using var asset = await client.GetAsync(new Uri("_framework/blazor.web.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        using var health = await client.GetAsync(new Uri("health", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, health.StatusCode);
        using var other = ClientFrom("203.0.113.99");
        using var otherResponse = await other.GetAsync(new Uri("api/customers", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, otherResponse.StatusCode);
    }

    [Fact]
    public async Task A_new_forged_key_on_every_request_does_not_buy_a_fresh_allowance()
    {
        using var client = ClientFrom("203.0.113.11");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= RateLimitedPortalFactory.PerAddress; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/customers", UriKind.Relative));
            request.Headers.Add("X-Api-Key", "isp_" + Guid.NewGuid().ToString("N") + "0123456789abcdef");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_valid_key_is_limited_per_key_from_whatever_address()
    {
        var key = await portal.IssueApiKeyAsync(Permissions.ReferenceDataRead);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= RateLimitedPortalFactory.PerKey; i++)
        {
            using var client = ClientFrom($"198.51.100.{i + 1}");
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            using var response = await client.GetAsync(new Uri("api/packages", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses[..^1], status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Webhooks_have_their_own_limit_apart_from_the_address_limit()
    {
        using var client = ClientFrom("203.0.113.30");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i <= RateLimitedPortalFactory.Webhooks; i++)
        {
            using var response = await client.PostAsync(new Uri("api/whatsapp/webhook", UriKind.Relative), new StringContent("{}"));
            statuses.Add(response.StatusCode);
        }
        using var page = await client.GetAsync(new Uri("login", UriKind.Relative));

        Assert.All(statuses[..^1], status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Webhook_bodies_over_the_limit_are_refused_with_413_whether_announced_or_chunked()
    {
        using var client = ClientFrom("203.0.113.31");
        var tooLarge = new byte[IspPortal.Web.Features.Billing.Endpoints.PaymentNotificationEndpoints.MaxBodyBytes + 1];

        using var announced = await client.PostAsync(new Uri("api/payments/midtrans/notification", UriKind.Relative), new ByteArrayContent(tooLarge));
        using var chunkedContent = new StreamContent(new MemoryStream(tooLarge));
        using var chunkedRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("api/payments/midtrans/notification", UriKind.Relative)) { Content = chunkedContent };
        chunkedRequest.Headers.TransferEncodingChunked = true;
        using var chunked = await client.SendAsync(chunkedRequest);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, announced.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal("application/problem+json", chunked.Content.Headers.ContentType?.MediaType);
    }

    private HttpClient ClientFrom(string address)
    {
        var client = new HttpClient { BaseAddress = portal.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}

/// <summary>A portal whose only trusted proxy is elsewhere: the loopback client's X-Forwarded-For is ignored.</summary>
public sealed class UntrustedClientPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ForwardedHeaders:KnownProxies", "192.0.2.1");
        builder.UseSetting("RateLimits:PerAddressPerMinute", "5");
    }
}

public sealed class SpoofedForwardingTests(UntrustedClientPortalFactory portal) : IClassFixture<UntrustedClientPortalFactory>
{
    [Fact]
    public async Task A_spoofed_x_forwarded_for_from_an_untrusted_peer_does_not_dodge_the_limit()
    {
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/customers", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
