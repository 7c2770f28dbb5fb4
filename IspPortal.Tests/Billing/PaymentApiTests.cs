using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Billing;
using IspPortal.Core.Customers;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Billing;

/// <summary><c>/api/payments</c> and <c>/api/customers/{code}/billing</c> over real HTTP against the demo ISP.</summary>
public sealed class PaymentApiTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task The_same_idempotency_key_twice_records_one_cash_payment_and_answers_with_it_again()
    {
        var (code, due) = await OwingCustomerAsync(skip: 0);
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRecord, Permissions.BillingRead);
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, key, new { customerCode = code, amount = due });
        using var again = await PostAsync(client, key, new { customerCode = code, amount = due });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var recorded = await first.Content.ReadFromJsonAsync<JsonElement>();
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(recorded.GetProperty("id").GetInt64(), repeated.GetProperty("id").GetInt64());
        Assert.Equal(("Confirmed", false, true), (recorded.GetProperty("status").GetString(), recorded.GetProperty("alreadyRecorded").GetBoolean(), repeated.GetProperty("alreadyRecorded").GetBoolean()));
        Assert.Equal(due, recorded.GetProperty("allocations").EnumerateArray().Sum(a => a.GetProperty("amount").GetDecimal()));
        Assert.Equal(0m, recorded.GetProperty("outstanding").GetDecimal());
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(1, await db.Payments.CountAsync(p => p.IdempotencyKey == key));
        Assert.False(await db.Invoices.AnyAsync(i => i.Customer!.Code == code && Arrears.Owing.Contains(i.Status)));

        var listed = await client.GetFromJsonAsync<JsonElement>($"api/payments?search={Uri.EscapeDataString(recorded.GetProperty("number").GetString()!)}");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal((code, due), (listed.GetProperty("items")[0].GetProperty("customerCode").GetString(), listed.GetProperty("confirmedTotal").GetDecimal()));
    }

    [Fact]
    public async Task Without_the_idempotency_key_header_nothing_is_recorded_and_the_answer_is_a_problem()
    {
        var (code, due) = await OwingCustomerAsync(skip: 1);
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRecord);
        await using var db = portal.Database.CreateDbContext();
        var before = await db.Payments.CountAsync();

        using var response = await client.PostAsJsonAsync("api/payments", new { customerCode = code, amount = due });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await db.Payments.CountAsync());
    }

    [Theory]
    [InlineData("BankTransfer", 100000, "method")]
    [InlineData("Cash", 0, "amount")]
    [InlineData("Cash", 1500.5, "amount")]
    public async Task Transfers_and_bad_amounts_are_refused_on_their_field(string method, decimal amount, string field)
    {
        var (code, _) = await OwingCustomerAsync(skip: 2);
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRecord);

        using var response = await PostAsync(client, Guid.NewGuid().ToString(), new { customerCode = code, amount, method });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_key_that_may_only_read_billing_cannot_record()
    {
        var (code, due) = await OwingCustomerAsync(skip: 3);
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRead);

        using var response = await PostAsync(client, Guid.NewGuid().ToString(), new { customerCode = code, amount = due });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_customers_billing_lists_invoices_payments_and_what_is_owed()
    {
        var (code, due) = await OwingCustomerAsync(skip: 4);
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRead);

        var billing = await client.GetFromJsonAsync<JsonElement>($"api/customers/{Uri.EscapeDataString(code)}/billing");
        using var unknown = await client.GetAsync(new Uri("api/customers/KCB-TIDAK-ADA/billing", UriKind.Relative));

        Assert.Equal((code, due), (billing.GetProperty("code").GetString(), billing.GetProperty("outstanding").GetDecimal()));
        Assert.NotEqual(0, billing.GetProperty("invoices").GetArrayLength());
        Assert.Contains(billing.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "InvoiceIssued");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(string Code, decimal Due)> OwingCustomerAsync(int skip)
    {
        await using var db = portal.Database.CreateDbContext();
        var owing = await db.Customers.Where(c => c.Status == CustomerStatus.Active)
            .Select(c => new { c.Code, c.Id, Due = db.Invoices.Where(i => i.CustomerId == c.Id && Arrears.Owing.Contains(i.Status)).Sum(i => i.Total - i.AmountPaid - i.CreditedAmount) })
            .Where(c => c.Due > 0).OrderBy(c => c.Id).Skip(skip).FirstAsync();
        return (owing.Code, owing.Due);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
