using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Lifecycle;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.SelfService.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.SelfService;

/// <summary>
/// Every page of the customer portal, walked with two customers' browser sessions and none: a page
/// shows the signed-in customer's own invoice or ticket only, another customer's reads exactly as a
/// missing one, nobody signed in is sent to sign in, and a portal session opens no staff page.
/// </summary>
public sealed class PortalPageAuthorizationTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly string[] OwnPages = ["pelanggan", "pelanggan/tagihan", "pelanggan/tiket", "pelanggan/tiket/baru", "pelanggan/profil", "pelanggan/paket"];
    private WhatsAppCloudStandIn _whatsApp = default!;

    public async Task InitializeAsync()
    {
        _whatsApp = await SelfServicePortal.StartWhatsAppAsync(portal);
        await using var db = portal.Database.CreateDbContext();
        if (!await db.TicketCategories.AnyAsync(c => c.Code == "GANGGUAN"))
        {
            db.TicketCategories.Add(new TicketCategory { Code = "GANGGUAN", Name = "Gangguan", Keywords = ["mati"], DefaultPriority = TicketPriority.High, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
    }

    public async Task DisposeAsync() => await _whatsApp.DisposeAsync();

    [Fact]
    public async Task Each_customer_sees_their_own_invoice_and_ticket_on_every_page_and_the_others_as_missing()
    {
        var mine = await CustomerAsync();
        var theirs = await CustomerAsync();
        using var client = Browser(mine.Token);

        foreach (var path in OwnPages)
        {
            using var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path}: {page.StatusCode}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains(mine.Code, html + await client.GetStringAsync("pelanggan/profil"), StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.Code, html, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.InvoiceNumber, html, StringComparison.Ordinal);
            Assert.DoesNotContain(theirs.TicketNumber, html, StringComparison.Ordinal);
        }
        Assert.Contains(mine.InvoiceNumber, await client.GetStringAsync("pelanggan/tagihan"), StringComparison.Ordinal);
        Assert.Contains(mine.TicketNumber, await client.GetStringAsync("pelanggan/tiket"), StringComparison.Ordinal);

        foreach (var (own, other, missing) in new[]
        {
            (PayPage(mine.InvoiceNumber), PayPage(theirs.InvoiceNumber), PayPage("INV/1999/01/999999")),
            (PayPage(mine.InvoiceNumber.Replace('/', '-')), PayPage(theirs.InvoiceNumber.Replace('/', '-')), PayPage("INV-1999-01-999999")),
            ($"pelanggan/tiket/{mine.TicketNumber}", $"pelanggan/tiket/{theirs.TicketNumber}", "pelanggan/tiket/TKT-1999-999999"),
        })
        {
            var ownHtml = await client.GetStringAsync(own);
            var (otherHtml, missingHtml) = (await client.GetStringAsync(other), await client.GetStringAsync(missing));
            Assert.DoesNotContain("notfound", ownHtml, StringComparison.Ordinal);
            Assert.Contains("notfound", otherHtml, StringComparison.Ordinal);
            Assert.Equal(NotFoundMarker(missingHtml), NotFoundMarker(otherHtml));
            Assert.DoesNotContain(theirs.Code, otherHtml, StringComparison.Ordinal);
        }

        foreach (var (own, other) in new[]
        {
            (Document("tagihan", mine.InvoiceNumber), Document("tagihan", theirs.InvoiceNumber)),
            (Document("tagihan", mine.InvoiceNumber.Replace('/', '-')), Document("tagihan", theirs.InvoiceNumber.Replace('/', '-'))),
        })
        {
            using var ownFile = await client.GetAsync(own);
            using var otherFile = await client.GetAsync(other);
            Assert.True((HttpStatusCode.OK, HttpStatusCode.NotFound) == (ownFile.StatusCode, otherFile.StatusCode), $"{own}: {ownFile.StatusCode} {ownFile.Headers.Location}; {other}: {otherFile.StatusCode}");
        }
    }

    [Fact]
    public async Task Without_a_session_every_portal_page_sends_the_visitor_to_sign_in()
    {
        var mine = await CustomerAsync();
        using var anonymous = Browser(null);
        foreach (var path in OwnPages.Append(PayPage(mine.InvoiceNumber)).Append($"pelanggan/tiket/{mine.TicketNumber}"))
        {
            using var page = await anonymous.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.Redirect, $"{path}: {page.StatusCode}");
            Assert.Equal(CustomerPortalSession.SignInPath, page.Headers.Location!.AbsolutePath);
        }
        using var pdf = await anonymous.GetAsync(Document("tagihan", mine.InvoiceNumber));
        Assert.NotEqual(HttpStatusCode.OK, pdf.StatusCode);
    }

    [Fact]
    public async Task A_portal_session_opens_no_staff_page_or_staff_endpoint()
    {
        var mine = await CustomerAsync();
        using var client = Browser(mine.Token);
        foreach (var path in new[] { "customers", "billing/invoices", "tickets", "network/map" })
        {
            using var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.Redirect, $"{path}: {page.StatusCode}");
            Assert.DoesNotContain("pelanggan", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        using var api = await client.GetAsync("api/customers");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_ticket_link_from_WhatsApp_opens_the_portal_conversation_for_its_signed_in_customer_only()
    {
        var mine = await CustomerAsync();
        var theirs = await CustomerAsync();
        var link = await LinkPathAsync(mine.TicketNumber);

        using var signedIn = await Browser(mine.Token).GetAsync(link);
        using var otherCustomer = await Browser(theirs.Token).GetAsync(link);
        using var anonymous = await Browser(null).GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal($"/pelanggan/tiket/{mine.TicketNumber}", Uri.UnescapeDataString(signedIn.Headers.Location!.OriginalString.Split('?')[0]).TrimEnd('/').Replace(portal.BaseAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (otherCustomer.StatusCode, anonymous.StatusCode));
        Assert.Contains(mine.TicketNumber, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed record SeededCustomer(string Code, string Token, string InvoiceNumber, string TicketNumber);

    private async Task<SeededCustomer> CustomerAsync()
    {
        string code, phone, invoice;
        await using (var db = portal.Database.CreateDbContext())
        {
            (var id, invoice) = await QrisBilling.InvoiceAsync(db, 150_000m);
            (code, phone) = await db.Customers.Where(c => c.Id == id).Select(c => new ValueTuple<string, string>(c.Code, c.Phone)).SingleAsync();
        }
        var token = await SelfServicePortal.SignInAsync(portal, _whatsApp, code, phone);
        using var api = SelfServicePortal.ClientFor(portal, token);
        using var opened = await api.PostAsJsonAsync("api/portal/tickets", new { description = "Internet mati sejak pagi." });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var ticket = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        return new SeededCustomer(code, token, invoice, ticket);
    }

    /// <summary>A browser that carries the portal's cookie (or none) and does not follow redirects.</summary>
    private HttpClient Browser(string? token)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = portal.BaseAddress };
        if (token is not null)
            client.DefaultRequestHeaders.Add("Cookie", $"{CustomerPortalSession.CookieName}={token}");
        return client;
    }

    private async Task<string> LinkPathAsync(string ticketNumber)
    {
        await using var db = portal.Database.CreateDbContext();
        var version = await db.Tickets.Where(t => t.Number == ticketNumber).Select(t => t.CustomerLinkVersion).SingleAsync();
        return new Uri(portal.Services.GetRequiredService<ITicketLinks>().ForCustomer(ticketNumber, version)).PathAndQuery.TrimStart('/');
    }

    private static string PayPage(string number) => $"pelanggan/tagihan/{Uri.EscapeDataString(number)}/bayar";

    private static string Document(string kind, string number) => $"pelanggan/dokumen/{kind}/{Uri.EscapeDataString(number)}";

    private static string NotFoundMarker(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"[a-z-]*notfound\"[^>]*>([^<]*)<").Value;
}
