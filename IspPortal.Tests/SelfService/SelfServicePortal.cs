using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IspPortal.Tests.SelfService;

/// <summary>
/// A portal whose WhatsApp goes to the Cloud API stand-in, and the steps a customer's app takes to
/// sign in: ask for a code, let the outbox send it, read it where it was "sent" (the stand-in's
/// <c>GET /messages</c>, as a demo user would), and trade it for a token.
/// </summary>
public static partial class SelfServicePortal
{
    public const string AccessToken = "standin-token";

    public static async Task<WhatsAppCloudStandIn> StartWhatsAppAsync(PortalFactory portal)
    {
        var standIn = await WhatsAppCloudStandIn.StartAsync(AccessToken);
        await using var scope = portal.Services.CreateAsyncScope();
        var settings = WhatsAppWebhookSetup.CloudApiStandIn(portal.Services.GetRequiredService<ISecretProtector>(), standIn, AccessToken);
        var saved = await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(settings, Actor.System);
        Assert.True(saved.Succeeded, saved.FirstError);
        return standIn;
    }

    public static async Task DispatchAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync();
    }

    public static Task<HttpResponseMessage> RequestCodeAsync(HttpClient client, string login) =>
        client.PostAsJsonAsync("api/portal/otp", new { login });

    public static Task<HttpResponseMessage> SessionAsync(HttpClient client, string login, string code) =>
        client.PostAsJsonAsync("api/portal/session", new { login, code });

    /// <summary>The codes sent to <paramref name="phone"/>, oldest first, read from the stand-in's <c>GET /messages</c>.</summary>
    public static async Task<IReadOnlyList<string>> CodesSentToAsync(WhatsAppCloudStandIn standIn, string phone)
    {
        using var client = new HttpClient { BaseAddress = standIn.BaseAddress };
        return await CodesSentAsync(client, phone);
    }

    /// <summary>The codes a stand-in at <paramref name="standIn"/>'s address received for <paramref name="phone"/>.</summary>
    public static async Task<IReadOnlyList<string>> CodesSentAsync(HttpClient standIn, string phone)
    {
        var client = standIn;
        var listed = await client.GetFromJsonAsync<JsonElement>($"messages?to={Uri.EscapeDataString(phone)}");
        return [.. listed.EnumerateArray()
            .Select(m => string.Join(' ', [m.GetProperty("text").GetString() ?? "", .. m.GetProperty("parameters").EnumerateArray().Select(p => p.GetString())]))
            .Select(text => SixDigits().Match(text))
            .Where(match => match.Success)
            .Select(match => match.Value)];
    }

    /// <summary>Signs in through the API as the customer <paramref name="login"/> names, whose WhatsApp is <paramref name="phone"/>.</summary>
    public static async Task<string> SignInAsync(PortalFactory portal, WhatsAppCloudStandIn standIn, string login, string phone)
    {
        // Every sign-in from an address of its own: the per-address limits would otherwise count the whole test class.
        using var client = ClientFrom(portal, $"198.51.100.{Interlocked.Increment(ref _addresses) % 250 + 1}");
        using (var asked = await RequestCodeAsync(client, login))
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await DispatchAsync(portal);
        var codes = await CodesSentToAsync(standIn, phone);
        var code = codes[^1];
        using var session = await SessionAsync(client, login, code);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        return (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>The newest code the demo's WhatsApp stand-in (the one the notification settings name) received for a customer.</summary>
    public static async Task<string> CodeSentToCustomerAsync(PortalFactory portal, string customerCode)
    {
        await using var db = portal.Database.CreateDbContext();
        return await CodeSentToPhoneAsync(portal, db.Customers.Where(c => c.Code == customerCode).Select(c => c.Phone).Single());
    }

    /// <summary>The newest code the demo's WhatsApp stand-in received for <paramref name="phone"/>.</summary>
    public static async Task<string> CodeSentToPhoneAsync(PortalFactory portal, string phone)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var whatsApp = await scope.ServiceProvider.GetRequiredService<PortalSettings>().GetAsync<IspPortal.Core.Notifications.NotificationSettings>();
        using var client = new HttpClient { BaseAddress = new Uri(whatsApp.CloudApiBaseUrl!) };
        var codes = await CodesSentAsync(client, phone);
        return codes[^1];
    }

    /// <summary>Signs a customer in on the portal's sign-in page, with the code the demo's stand-in received, and waits for the Beranda's circuit.</summary>
    public static async Task SignInOnPageAsync(PortalFactory portal, IPage page, string customerCode)
    {
        await page.GotoAsync("pelanggan/masuk");
        await page.GetByTestId("customer-login").FillAsync(customerCode);
        await page.GetByTestId("customer-send-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-code-sent")).ToBeVisibleAsync();
        await DispatchAsync(portal);
        await page.GetByTestId("customer-code").FillAsync(await CodeSentToCustomerAsync(portal, customerCode));
        await page.GetByTestId("customer-enter").ClickAsync();
        await page.WaitForURLAsync("**/pelanggan");
        await page.WaitForCircuitAsync();
    }

    private static int _addresses;

    /// <summary>A client whose requests come, through the trusted loopback proxy, from <paramref name="address"/>.</summary>
    public static HttpClient ClientFrom(PortalFactory portal, string address)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public static HttpClient ClientFor(PortalFactory portal, string token)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
