using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Finance;

/// <summary><c>POST /api/finance/capital</c> over real HTTP with API keys.</summary>
public sealed class CapitalApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string Today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_same_key_twice_answers_the_same_201_with_one_injection_and_one_entry()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceWrite);
        var key = Guid.NewGuid().ToString();
        var body = new { date = Today, amount = 25_000_000m, paidInto = "1-1201", investor = "Budi Santoso", description = "Modal perluasan" };

        using var first = await PostAsync(client, key, body);
        using var again = await PostAsync(client, key, body);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(1, await db.CapitalInjections.CountAsync(c => c.IdempotencyKey == key));
        var sourceKey = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = await db.JournalLines.Where(l => l.Entry!.SourceType == JournalSource.Capital && l.Entry.SourceKey == sourceKey).OrderBy(l => l.Position)
            .Select(l => new { l.Account!.Code, l.Debit, l.Credit }).ToListAsync();
        Assert.Equal([("1-1201", 25_000_000m, 0m), ("3-1100", 0m, 25_000_000m)], lines.Select(l => (l.Code, l.Debit, l.Credit)));
    }

    [Theory]
    [InlineData("""{"date":"TODAY","amount":1000,"paidInto":"9-9999","investor":"Budi","description":"x"}""", "paidInto")]
    [InlineData("""{"date":"TODAY","amount":-5,"paidInto":"cash","investor":"Budi","description":"x"}""", "amount")]
    [InlineData("""{"amount":1000,"paidInto":"cash","investor":"Budi","description":"x"}""", "date")]
    [InlineData("""{"date":"TODAY","amount":1000,"paidInto":"cash","investor":"LONG","description":"x"}""", "investor")]
    [InlineData("""{"date":"TODAY","amount":1000,"paidInto":"cash","investor":"","description":"x"}""", "investor")]
    [InlineData("""{"date":"TODAY","amount":"banyak","paidInto":"cash","investor":"Budi","description":"x"}""", "amount")]
    [InlineData("""{"date":"TODAY","amount":1000,"paidInto":"cash","investor":"Budi","description":"a\u0007b"}""", "description")]
    [InlineData("""{"date":"TODAY", "amount":""", "amount")]
    public async Task Bad_input_is_a_problem_on_its_field_never_a_server_error(string json, string field)
    {
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceWrite);
        var content = json.Replace("TODAY", Today, StringComparison.Ordinal).Replace("LONG", new string('x', 5000), StringComparison.Ordinal);

        using var response = await client.PostAsync(new Uri("api/finance/capital", UriKind.Relative), new StringContent(content, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_read_key_cannot_inject_capital()
    {
        using var reader = await portal.CreateApiClientAsync(Permissions.FinanceRead);

        using var response = await PostAsync(reader, Guid.NewGuid().ToString(), new { date = Today, amount = 1000, paidInto = "cash", investor = "Budi", description = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/finance/capital") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
