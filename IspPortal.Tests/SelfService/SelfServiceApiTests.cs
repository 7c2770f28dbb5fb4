using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.SelfService;

/// <summary>The customers' API over HTTP: signing in with a WhatsApp code, and a token that reads its own customer only.</summary>
public sealed class SelfServiceApiTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private WhatsAppCloudStandIn _whatsApp = default!;

    public async Task InitializeAsync() => _whatsApp = await SelfServicePortal.StartWhatsAppAsync(portal);

    public async Task DisposeAsync() => await _whatsApp.DisposeAsync();

    [Fact]
    public async Task A_code_sent_by_WhatsApp_opens_a_session_that_reads_its_own_customer_and_invoices()
    {
        var mine = await CustomerAsync();
        var token = await SelfServicePortal.SignInAsync(portal, _whatsApp, mine.Phone, mine.Phone);
        using var client = SelfServicePortal.ClientFor(portal, token);

        var me = await client.GetFromJsonAsync<JsonElement>("api/portal/me");
        var invoices = await client.GetFromJsonAsync<JsonElement>("api/portal/invoices");

        Assert.Equal(mine.Code, me.GetProperty("code").GetString());
        Assert.Equal(150_000m, me.GetProperty("amountDue").GetDecimal());
        Assert.Equal(mine.InvoiceNumber, me.GetProperty("payInvoice").GetString());
        var invoice = Assert.Single(invoices.EnumerateArray());
        Assert.Equal(mine.InvoiceNumber, invoice.GetProperty("number").GetString());
        Assert.True(invoice.GetProperty("payable").GetBoolean());
    }

    [Fact]
    public async Task Another_customers_invoice_answers_404_like_one_that_does_not_exist_by_number_and_by_file_name()
    {
        var mine = await CustomerAsync();
        var theirs = await CustomerAsync();
        var token = await SelfServicePortal.SignInAsync(portal, _whatsApp, mine.Code, mine.Phone);
        using var client = SelfServicePortal.ClientFor(portal, token);

        using var ownPdf = await client.GetAsync(PdfPath(mine.InvoiceNumber));
        using var ownByFileName = await client.GetAsync(PdfPath(mine.InvoiceNumber.Replace('/', '-')));
        using var theirPdf = await client.GetAsync(PdfPath(theirs.InvoiceNumber));
        using var theirByFileName = await client.GetAsync(PdfPath(theirs.InvoiceNumber.Replace('/', '-')));
        using var nobodys = await client.GetAsync(PdfPath("INV/1999/01/999999"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (ownPdf.StatusCode, ownByFileName.StatusCode));
        Assert.Equal("application/pdf", ownPdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await ownPdf.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);
        Assert.All([theirPdf, theirByFileName, nobodys], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var (nobody, their) = (await nobodys.Content.ReadFromJsonAsync<JsonElement>(), await theirPdf.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(nobody.GetProperty("detail").GetString(), their.GetProperty("detail").GetString());
        var listed = await client.GetFromJsonAsync<JsonElement>("api/portal/invoices");
        Assert.DoesNotContain(listed.EnumerateArray(), i => i.GetProperty("number").GetString() == theirs.InvoiceNumber);
    }

    [Fact]
    public async Task An_unknown_login_gets_the_same_202_and_nobody_gets_a_message()
    {
        using var client = SelfServicePortal.ClientFrom(portal, "203.0.113.42");
        var before = _whatsApp.Received.Count;

        using var unknown = await SelfServicePortal.RequestCodeAsync(client, "+6281999000111");
        using var unknownCode = await SelfServicePortal.RequestCodeAsync(client, "ZZZ-NOBODY-001");
        await SelfServicePortal.DispatchAsync(portal);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (unknown.StatusCode, unknownCode.StatusCode));
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await unknownCode.Content.ReadAsStringAsync());
        Assert.Equal(before, _whatsApp.Received.Count);
    }

    [Fact]
    public async Task A_login_that_is_neither_a_code_nor_a_mobile_number_is_a_400_problem()
    {
        using var client = portal.CreateClient();

        using var response = await SelfServicePortal.RequestCodeAsync(client, "021-555-1234");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("login", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_codes_kill_the_code_so_the_right_one_no_longer_opens()
    {
        var mine = await CustomerAsync();
        using var client = SelfServicePortal.ClientFrom(portal, "203.0.113.43");
        using (await SelfServicePortal.RequestCodeAsync(client, mine.Code)) { }
        await SelfServicePortal.DispatchAsync(portal);
        var code = (await SelfServicePortal.CodesSentToAsync(_whatsApp, mine.Phone)).Single();
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            using var refused = await SelfServicePortal.SessionAsync(client, mine.Code, wrong);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        using var tooLate = await SelfServicePortal.SessionAsync(client, mine.Code, code);

        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        await using var db = portal.Database.CreateDbContext();
        Assert.False(await db.SelfServiceSessions.AnyAsync(s => s.CustomerId == mine.Id));
    }

    [Fact]
    public async Task A_fourth_code_for_one_number_within_the_quarter_hour_is_refused_by_login_with_429_and_silently_by_number()
    {
        var mine = await CustomerAsync();
        using var client = SelfServicePortal.ClientFrom(portal, "203.0.113.40");
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await SelfServicePortal.RequestCodeAsync(client, mine.Code);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var byLogin = await SelfServicePortal.RequestCodeAsync(client, mine.Code);
        using var byNumber = await SelfServicePortal.RequestCodeAsync(client, mine.Phone);
        await SelfServicePortal.DispatchAsync(portal);

        Assert.Equal(HttpStatusCode.TooManyRequests, byLogin.StatusCode);
        Assert.True(byLogin.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.Accepted, byNumber.StatusCode);
        // Each code replaced the one before it, so only the newest went out.
        Assert.Single(await SelfServicePortal.CodesSentToAsync(_whatsApp, mine.Phone));
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(3, await db.SignInCodes.CountAsync(c => c.CustomerId == mine.Id));
    }

    [Fact]
    public async Task One_address_asking_codes_for_many_logins_is_throttled_whether_or_not_they_are_customers()
    {
        using var client = SelfServicePortal.ClientFrom(portal, "203.0.113.41");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await SelfServicePortal.RequestCodeAsync(client, $"+628199900{i:0000}");
            answers.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Accepted, 10).Append(HttpStatusCode.TooManyRequests), answers);
    }

    [Fact]
    public async Task The_code_is_never_stored_in_clear_in_the_outbox()
    {
        var mine = await CustomerAsync();
        await SelfServicePortal.SignInAsync(portal, _whatsApp, mine.Code, mine.Phone);
        var code = (await SelfServicePortal.CodesSentToAsync(_whatsApp, mine.Phone)).Single();

        await using var db = portal.Database.CreateDbContext();
        var messages = await db.OutboxMessages.Where(m => m.CustomerId == mine.Id && m.Template == IspPortal.Core.Notifications.Templates.NotificationEvents.PortalOtp.Key).ToListAsync();
        Assert.NotEmpty(messages);
        Assert.All(messages, m =>
        {
            Assert.DoesNotContain(code, m.Parameters, StringComparison.Ordinal);
            Assert.DoesNotContain(code, m.Body ?? "", StringComparison.Ordinal);
        });
        Assert.Contains(messages, m => m.Body?.Contains(IspPortal.Core.Notifications.Sending.DispatchOutbox.PasswordMask, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Without_a_token_with_a_forged_one_after_sign_out_or_with_a_staff_key_the_API_answers_401()
    {
        var mine = await CustomerAsync();
        var token = await SelfServicePortal.SignInAsync(portal, _whatsApp, mine.Code, mine.Phone);
        using var anonymous = portal.CreateClient();
        using var forged = SelfServicePortal.ClientFor(portal, "cst_" + new string('A', 43));
        using var signedIn = SelfServicePortal.ClientFor(portal, token);
        using var staffKey = portal.CreateClient();
        staffKey.DefaultRequestHeaders.Add("X-Api-Key", "isp_ABCDEFGH" + new string('x', 40));

        using var noToken = await anonymous.GetAsync("api/portal/me");
        using var forgedToken = await forged.GetAsync("api/portal/me");
        using var withKey = await staffKey.GetAsync("api/portal/me");
        using var customerOnStaffApi = await signedIn.GetAsync("api/customers");
        using (var signedOut = await signedIn.DeleteAsync("api/portal/session"))
            Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        using var afterSignOut = await signedIn.GetAsync("api/portal/me");

        Assert.All([noToken, forgedToken, withKey, customerOnStaffApi, afterSignOut], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", noToken.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_customer_and_only_theirs()
    {
        var mine = await CustomerAsync();
        var theirs = await CustomerAsync();
        var phone = await SelfServicePortal.SignInAsync(portal, _whatsApp, mine.Code, mine.Phone);
        var laptop = await SelfServicePortal.SignInAsync(portal, _whatsApp, mine.Phone, mine.Phone);
        var other = await SelfServicePortal.SignInAsync(portal, _whatsApp, theirs.Code, theirs.Phone);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var sessions = scope.ServiceProvider.GetRequiredService<IspPortal.Core.SelfService.SignIn.CustomerSessions>();
            var caller = await sessions.AuthenticateAsync(phone);
            Assert.Equal(2, await sessions.SignOutEverywhereAsync(caller!, "198.51.100.9"));
        }

        foreach (var (token, expected) in new[] { (phone, HttpStatusCode.Unauthorized), (laptop, HttpStatusCode.Unauthorized), (other, HttpStatusCode.OK) })
        {
            using var client = SelfServicePortal.ClientFor(portal, token);
            using var me = await client.GetAsync("api/portal/me");
            Assert.Equal(expected, me.StatusCode);
        }
    }

    private static string PdfPath(string number) => $"api/portal/invoices/{Uri.EscapeDataString(number)}/pdf";

    private sealed record SeededCustomer(int Id, string Code, string Phone, string InvoiceNumber);

    private async Task<SeededCustomer> CustomerAsync()
    {
        await using var db = portal.Database.CreateDbContext();
        var (customerId, invoiceNumber) = await QrisBilling.InvoiceAsync(db, 150_000m);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        return new SeededCustomer(customer.Id, customer.Code, customer.Phone, invoiceNumber);
    }
}
