using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Notifications;

/// <summary><c>POST /api/whatsapp/send</c>: validated, queued in the outbox, safe to retry with an Idempotency-Key.</summary>
public sealed class WhatsAppSendApiTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task A_template_to_a_customer_is_queued_with_the_customers_name_and_a_retry_with_the_same_key_adds_nothing()
    {
        await using var db = portal.Database.CreateDbContext();
        var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync();
        using var client = await portal.CreateApiClientAsync(Permissions.CustomersWrite);

        using var first = await SendAsync(client, new { customerCode = customer.Code, template = "invoice_reminder", parameters = new { total = "Rp 150.000", jatuh_tempo = "10-12-2026" } }, "retry-1");
        using var retry = await SendAsync(client, new { customerCode = customer.Code, template = "invoice_reminder", parameters = new { total = "Rp 150.000", jatuh_tempo = "10-12-2026" } }, "retry-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        var again = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(body.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.True(again.GetProperty("alreadyQueued").GetBoolean());
        await using var after = portal.Database.CreateDbContext();
        var queued = await after.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "api:retry-1");
        Assert.Equal((customer.Phone, "invoice_reminder", OutboxStatus.Pending, customer.Id), (queued.Recipient, queued.Template, queued.Status, queued.CustomerId));
        Assert.Contains(customer.FullName, queued.Parameters, StringComparison.Ordinal);

        // The outbox page finds it by the customer's code, under its status.
        await using var scope = portal.Services.CreateAsyncScope();
        var list = scope.ServiceProvider.GetRequiredService<OutboxList>();
        var found = await list.PageAsync(new IspPortal.Core.Common.PageRequest(Search: customer.Code.ToLowerInvariant()), OutboxStatus.Pending);
        var sent = await list.PageAsync(new IspPortal.Core.Common.PageRequest(Search: customer.Code), OutboxStatus.Sent);
        Assert.Contains(found.Items, r => r.Id == queued.Id && r.CustomerCode == customer.Code && r.Template == "invoice_reminder");
        Assert.DoesNotContain(sent.Items, r => r.Id == queued.Id);
    }

    [Fact]
    public async Task Free_text_to_a_number_as_typed_is_queued_in_e164()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.CustomersWrite, Permissions.NotificationsSend);

        using var response = await SendAsync(client, new { phone = "0812-3333-4444", text = "Gangguan di area Kotabaru sudah teratasi." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await using var db = portal.Database.CreateDbContext();
        var queued = await db.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Equal(("+6281233334444", "text"), (queued.Recipient, queued.Template));
    }

    [Theory]
    [InlineData("""{"phone":"0812-3333-4444","template":"nope"}""", "template", "tidak dikenal")]
    [InlineData("""{"phone":"0812-3333-4444"}""", "template", "salah satu")]
    [InlineData("""{"phone":"021-555","text":"x"}""", "phone", "Nomor WhatsApp")]
    [InlineData("""{"phone":"0812-3333-4444","template":"invoice_reminder","parameters":{"password_pppoe":"x"}}""", "parameters", "tidak dikenal")]
    [InlineData("""{"customerCode":"NOPE","text":"x"}""", "customerCode", "tidak ditemukan")]
    [InlineData("""{"phone":"0812-3333-4444","template":"invoice_reminder","parameters":{"link_bayar":"https://bayar-netkita.example/INV-1"}}""", "parameters.link_bayar", "harus tautan ke portal ini")]
    [InlineData("""{"phone":"0812-3333-4444","template":"invoice_reminder","parameters":{"link_bayar":"http://localhost:5000.evil.example/bayar/x"}}""", "parameters.link_bayar", "harus tautan ke portal ini")]
    [InlineData("""{"phone":"0812-3333-4444","template":"invoice_reminder","parameters":{"nama":"Pak Budi, bayar di evil.example/bayar"}}""", "parameters.nama", "harus tautan ke portal ini")]
    public async Task Bad_requests_are_problems_naming_the_field_and_queue_nothing(string json, string field, string message)
    {
        using var client = await portal.CreateApiClientAsync(Permissions.CustomersWrite, Permissions.NotificationsSend);
        await using var db = portal.Database.CreateDbContext();
        var before = await db.OutboxMessages.CountAsync();

        using var response = await client.PostAsync(new Uri("api/whatsapp/send", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await db.OutboxMessages.CountAsync());
    }

    [Theory]
    [InlineData("""{"phone":"0812-3333-4444","text":"Tagihan Anda, bayar di sini"}""")]
    [InlineData("""{"phone":"0812-3333-4444","template":"invoice_reminder","parameters":{"link_bayar":"http://localhost:5000/bayar/abc"}}""")]
    [InlineData("""{"phone":"0812-3333-4444","template":"invoice_reminder","parameters":{"total":"https://evil.example"}}""")]
    public async Task Free_text_or_links_without_notifications_send_are_forbidden_and_queue_nothing(string json)
    {
        using var client = await portal.CreateApiClientAsync(Permissions.CustomersWrite);
        await using var db = portal.Database.CreateDbContext();
        var before = await db.OutboxMessages.CountAsync();

        using var response = await client.PostAsync(new Uri("api/whatsapp/send", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Permissions.NotificationsSend, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task A_link_to_the_portals_own_pay_page_is_queued_with_notifications_send()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.CustomersWrite, Permissions.NotificationsSend);

        using var response = await SendAsync(client, new { phone = "0812-3333-5555", template = "invoice_reminder", parameters = new { link_bayar = "http://localhost:5000/bayar/abc" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await using var db = portal.Database.CreateDbContext();
        Assert.Contains("http://localhost:5000/bayar/abc", (await db.OutboxMessages.SingleAsync(m => m.Id == id)).Parameters, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/whatsapp/send", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }
}
