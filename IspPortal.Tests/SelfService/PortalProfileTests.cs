using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.SelfService;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.SelfService;

/// <summary>The customer's own contact details over the portal API: a new WhatsApp number proved by a code, e-mail, and reminders.</summary>
public sealed class PortalProfileTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private WhatsAppCloudStandIn _whatsApp = default!;

    public async Task InitializeAsync() => _whatsApp = await SelfServicePortal.StartWhatsAppAsync(portal);

    public async Task DisposeAsync() => await _whatsApp.DisposeAsync();

    [Fact]
    public async Task A_new_number_becomes_the_customers_only_with_the_code_sent_to_it_and_the_old_number_is_told()
    {
        var (customer, client) = await SignedInAsync();
        var newPhone = NewPhone();

        using var asked = await client.PostAsJsonAsync("api/portal/profile/phone", new { phone = "0" + newPhone[3..] });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        await SelfServicePortal.DispatchAsync(portal);
        var code = Assert.Single(await SelfServicePortal.CodesSentToAsync(_whatsApp, newPhone));
        Assert.Equal(newPhone, (await client.GetFromJsonAsync<JsonElement>("api/portal/profile")).GetProperty("pendingPhone").GetString());

        using var wrong = await client.PostAsJsonAsync("api/portal/profile/phone/confirm", new { code = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal(customer.Phone, await PhoneOfAsync(customer.Id));

        using var confirmed = await client.PostAsJsonAsync("api/portal/profile/phone/confirm", new { code });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(newPhone, await PhoneOfAsync(customer.Id));
        var profile = await client.GetFromJsonAsync<JsonElement>("api/portal/profile");
        Assert.Equal((newPhone, JsonValueKind.Null), (profile.GetProperty("phone").GetString(), profile.GetProperty("pendingPhone").ValueKind));

        await SelfServicePortal.DispatchAsync(portal);
        var notice = Assert.Single(_whatsApp.Received, m => m.To.EndsWith(customer.Phone[1..], StringComparison.Ordinal) && m.TemplateName is null
            ? m.Text?.Contains("telah diganti", StringComparison.Ordinal) == true
            : m.TemplateName == NotificationEvents.PortalPhoneChanged.Key);
        Assert.DoesNotContain(newPhone[6..^4], string.Join(' ', [notice.Text ?? "", .. notice.TemplateParameters]), StringComparison.Ordinal);
        await using var db = portal.Database.CreateDbContext();
        Assert.True(await db.SelfServiceActivities.AnyAsync(a => a.CustomerId == customer.Id && a.Action == SelfServiceAction.PhoneChanged));
        // The used code cannot be played again, and the new number now signs the customer in.
        using var again = await client.PostAsJsonAsync("api/portal/profile/phone/confirm", new { code });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.NotEmpty(await SelfServicePortal.SignInAsync(portal, _whatsApp, newPhone, newPhone));
    }

    [Fact]
    public async Task A_sign_in_code_or_another_customers_code_does_not_change_the_number()
    {
        var (mine, client) = await SignedInAsync();
        var (_, theirs) = await SignedInAsync();
        var theirNewPhone = NewPhone();
        using (var asked = await theirs.PostAsJsonAsync("api/portal/profile/phone", new { phone = theirNewPhone }))
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        using (var signInAsked = await SelfServicePortal.RequestCodeAsync(SelfServicePortal.ClientFrom(portal, "198.51.100.251"), mine.Code))
            Assert.Equal(HttpStatusCode.Accepted, signInAsked.StatusCode);
        await SelfServicePortal.DispatchAsync(portal);
        var theirCode = Assert.Single(await SelfServicePortal.CodesSentToAsync(_whatsApp, theirNewPhone));
        var mySignInCode = (await SelfServicePortal.CodesSentToAsync(_whatsApp, mine.Phone))[^1];

        using var withTheirs = await client.PostAsJsonAsync("api/portal/profile/phone/confirm", new { code = theirCode });
        using var withSignIn = await client.PostAsJsonAsync("api/portal/profile/phone/confirm", new { code = mySignInCode });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (withTheirs.StatusCode, withSignIn.StatusCode));
        Assert.Equal(mine.Phone, await PhoneOfAsync(mine.Id));
    }

    [Theory]
    [InlineData("12345", "phone")]
    [InlineData("bukan nomor", "phone")]
    public async Task A_number_that_is_not_a_mobile_number_is_a_400_naming_phone_and_sends_nothing(string phone, string field)
    {
        var (_, client) = await SignedInAsync();
        var before = _whatsApp.Received.Count;

        using var refused = await client.PostAsJsonAsync("api/portal/profile/phone", new { phone });
        await SelfServicePortal.DispatchAsync(portal);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(before, _whatsApp.Received.Count);
    }

    [Fact]
    public async Task The_current_number_is_refused_as_a_new_one()
    {
        var (customer, client) = await SignedInAsync();
        using var same = await client.PostAsJsonAsync("api/portal/profile/phone", new { phone = customer.Phone });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Contains("sudah terdaftar", (await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task E_mail_is_checked_saved_and_removed_and_an_invalid_one_changes_nothing()
    {
        var (customer, client) = await SignedInAsync();

        using var saved = await client.PutAsJsonAsync("api/portal/profile/email", new { email = "  budi@contoh.co.id " });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("budi@contoh.co.id", await EmailOfAsync(customer.Id));

        using var invalid = await client.PutAsJsonAsync("api/portal/profile/email", new { email = "budi@contoh" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal("budi@contoh.co.id", await EmailOfAsync(customer.Id));

        using var removed = await client.PutAsJsonAsync("api/portal/profile/email", new { email = "" });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(await EmailOfAsync(customer.Id));
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(2, await db.SelfServiceActivities.CountAsync(a => a.CustomerId == customer.Id && a.Action == SelfServiceAction.EmailChanged));
    }

    [Fact]
    public async Task Switching_reminders_off_skips_the_reminder_but_the_isolation_notice_still_goes()
    {
        var (customer, client) = await SignedInAsync();

        using var off = await client.PutAsJsonAsync("api/portal/profile/preferences", new { reminders = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await client.GetFromJsonAsync<JsonElement>("api/portal/profile")).GetProperty("reminders").GetBoolean());
        long reminder, isolation;
        await using (var db = portal.Database.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            var queued = new[]
            {
                new OutboxMessage($"test-reminder:{customer.Id}", NotificationChannel.WhatsApp, customer.Phone, NotificationEvents.InvoiceReminder.Key, """{"nama":"Budi"}""", now, customer.Id),
                new OutboxMessage($"test-isolation:{customer.Id}", NotificationChannel.WhatsApp, customer.Phone, NotificationEvents.IsolationNotice.Key,
                    """{"nama":"Budi","kode_pelanggan":"X","alasan":"tagihan belum dibayar"}""", now, customer.Id),
            };
            db.OutboxMessages.AddRange(queued);
            await db.SaveChangesAsync();
            (reminder, isolation) = (queued[0].Id, queued[1].Id);
        }

        await SelfServicePortal.DispatchAsync(portal);

        await using var check = portal.Database.CreateDbContext();
        Assert.Equal(OutboxStatus.Cancelled, (await check.OutboxMessages.SingleAsync(m => m.Id == reminder)).Status);
        Assert.Equal(OutboxStatus.Sent, (await check.OutboxMessages.SingleAsync(m => m.Id == isolation)).Status);
        using var on = await client.PutAsJsonAsync("api/portal/profile/preferences", new { reminders = true });
        Assert.False(await check.Customers.Where(c => c.Id == customer.Id).Select(c => c.NotificationsOptOut).SingleAsync());
    }

    [Fact]
    public async Task A_missing_choice_a_wrong_type_or_broken_JSON_is_a_400_and_changes_nothing()
    {
        var (customer, client) = await SignedInAsync();
        var emailBefore = await EmailOfAsync(customer.Id);

        using var missing = await client.PutAsJsonAsync("api/portal/profile/preferences", new { });
        using var wrongType = await client.PutAsync("api/portal/profile/preferences", new StringContent("""{"reminders":"tidak"}""", Encoding.UTF8, "application/json"));
        using var broken = await client.PutAsync("api/portal/profile/email", new StringContent("""{"email":""", Encoding.UTF8, "application/json"));
        using var control = await client.PutAsJsonAsync("api/portal/profile/email", new { email = "budi\u0000@contoh.co.id" });

        Assert.All([missing, wrongType, broken, control], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        await using var db = portal.Database.CreateDbContext();
        var stored = await db.Customers.SingleAsync(c => c.Id == customer.Id);
        Assert.Equal((false, emailBefore), (stored.NotificationsOptOut, stored.Email));
    }

    [Fact]
    public async Task Without_a_customer_token_the_profile_is_401()
    {
        using var anonymous = portal.CreateClient();
        using var read = await anonymous.GetAsync("api/portal/profile");
        using var change = await anonymous.PutAsJsonAsync("api/portal/profile/email", new { email = "x@contoh.co.id" });
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (read.StatusCode, change.StatusCode));
    }

    private sealed record SeededCustomer(int Id, string Code, string Phone);

    private async Task<(SeededCustomer Customer, HttpClient Client)> SignedInAsync()
    {
        SeededCustomer customer;
        await using (var db = portal.Database.CreateDbContext())
        {
            var (customerId, _) = await QrisBilling.InvoiceAsync(db, 150_000m);
            var row = await db.Customers.SingleAsync(c => c.Id == customerId);
            customer = new SeededCustomer(row.Id, row.Code, row.Phone);
        }
        var token = await SelfServicePortal.SignInAsync(portal, _whatsApp, customer.Code, customer.Phone);
        var client = SelfServicePortal.ClientFor(portal, token);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"192.0.2.{customer.Id % 250 + 1}");
        return (customer, client);
    }

    private static string NewPhone() => "+6281355" + Random.Shared.Next(100_000, 999_999);

    private async Task<string> PhoneOfAsync(int customerId)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.Customers.Where(c => c.Id == customerId).Select(c => c.Phone).SingleAsync();
    }

    private async Task<string?> EmailOfAsync(int customerId)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.Customers.Where(c => c.Id == customerId).Select(c => c.Email).SingleAsync();
    }
}
