using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Finance;

/// <summary><c>/api/finance/...</c> expenses and income over real HTTP with API keys.</summary>
public sealed class ExpenseApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string Today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_same_key_twice_answers_the_same_201_and_body_with_one_expense_and_one_entry()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceWrite, Permissions.FinanceRead);
        var key = Guid.NewGuid().ToString();
        var body = new { date = Today, categoryCode = "bandwidth", amount = 10_000_000m, vat = 1_100_000m, description = "Upstream", paidFrom = "1-1201" };

        using var first = await PostAsync(client, "api/finance/expenses", key, body);
        using var again = await PostAsync(client, "api/finance/expenses", key, body);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("Approved", created.GetProperty("status").GetString());
        Assert.EndsWith($"/api/finance/expenses/{id}", first.Headers.Location!.ToString(), StringComparison.Ordinal);
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(1, await db.Expenses.CountAsync(e => e.IdempotencyKey == key));
        var sourceKey = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await db.JournalEntries.CountAsync(e => e.SourceType == JournalSource.Expense && e.SourceKey == sourceKey));

        var listed = await client.GetFromJsonAsync<JsonElement>("api/finance/expenses?category=bandwidth");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Categories_name_their_account_codes()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceRead);

        var expenses = await client.GetFromJsonAsync<JsonElement>("api/finance/expense-categories");
        var income = await client.GetFromJsonAsync<JsonElement>("api/finance/income-categories");

        Assert.Contains(expenses.EnumerateArray(), c => c.GetProperty("code").GetString() == "listrik" && c.GetProperty("accountCode").GetString() == "5-1400");
        Assert.Contains(income.EnumerateArray(), c => c.GetProperty("code").GetString() == "sewa-menara" && c.GetProperty("accountCode").GetString() == "4-9200");
    }

    [Theory]
    [InlineData("""{"date":"TODAY","categoryCode":"tidak-ada","amount":1000,"description":"x","paidFrom":"cash"}""", "categoryCode")]
    [InlineData("""{"date":"TODAY","categoryCode":"listrik","amount":1000,"description":"x","paidFrom":"9-9999"}""", "paidFrom")]
    [InlineData("""{"date":"TODAY","categoryCode":"listrik","amount":-5,"description":"x","paidFrom":"cash"}""", "amount")]
    [InlineData("""{"categoryCode":"listrik","amount":1000,"description":"x","paidFrom":"cash"}""", "date")]
    [InlineData("""{"date":"TODAY","categoryCode":"listrik","amount":1000,"description":"LONG","paidFrom":"cash"}""", "description")]
    [InlineData("""{"date":"TODAY","categoryCode":"listrik","amount":"banyak","description":"x","paidFrom":"cash"}""", "amount")]
    [InlineData("""{"date":"TODAY","categoryCode":"listrik","amount":1000,"description":"a\u0007b","paidFrom":"cash"}""", "description")]
    [InlineData("""{"date":"TODAY", "categoryCode":""", "categoryCode")]
    public async Task Bad_input_is_a_problem_on_its_field_never_a_server_error(string json, string field)
    {
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceWrite);
        var content = json.Replace("TODAY", Today, StringComparison.Ordinal).Replace("LONG", new string('x', 5000), StringComparison.Ordinal);

        using var response = await client.PostAsync(new Uri("api/finance/expenses", UriKind.Relative), new StringContent(content, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_read_key_cannot_write_and_a_key_without_finance_cannot_read()
    {
        using var reader = await portal.CreateApiClientAsync(Permissions.FinanceRead);
        using var other = await portal.CreateApiClientAsync(Permissions.TicketsRead, Permissions.ExpensesSubmit);

        using var write = await PostAsync(reader, "api/finance/expenses", Guid.NewGuid().ToString(),
            new { date = Today, categoryCode = "listrik", amount = 1000, description = "x", paidFrom = "cash" });
        using var read = await other.GetAsync(new Uri("api/finance/expenses", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (write.StatusCode, read.StatusCode));
    }

    [Theory]
    [InlineData(Roles.Manager, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Technician, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Finance, HttpStatusCode.OK, HttpStatusCode.Created)]
    public async Task Roles_read_and_write_as_granted(string role, HttpStatusCode read, HttpStatusCode write)
    {
        using var client = await portal.CreateApiClientAsync([.. Permissions.For(role)]);

        using var list = await client.GetAsync(new Uri("api/finance/income", UriKind.Relative));
        using var post = await PostAsync(client, "api/finance/income", Guid.NewGuid().ToString(),
            new { date = Today, categoryCode = "sewa-menara", amount = 2_500_000m, description = "Sewa menara Desember", receivedIn = "cash", source = "PT Menara" });

        Assert.Equal((read, write), (list.StatusCode, post.StatusCode));
    }

    [Fact]
    public async Task Income_posts_cash_against_its_revenue_account_once_per_key()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceWrite, Permissions.FinanceRead);
        var key = Guid.NewGuid().ToString();
        var body = new { date = Today, categoryCode = "bunga", amount = 123_456m, description = "Bunga Desember", receivedIn = "1-1202", source = "Bank Mandiri" };

        using var first = await PostAsync(client, "api/finance/income", key, body);
        using var again = await PostAsync(client, "api/finance/income", key, body);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = portal.Database.CreateDbContext();
        var lines = await db.JournalLines.Where(l => l.Entry!.SourceType == JournalSource.Income && l.Entry.SourceKey == id).OrderBy(l => l.Position)
            .Select(l => new { l.Account!.Code, l.Debit, l.Credit }).ToListAsync();
        Assert.Equal([("1-1202", 123_456m, 0m), ("4-9400", 0m, 123_456m)], lines.Select(l => (l.Code, l.Debit, l.Credit)));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
