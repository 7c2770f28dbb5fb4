using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Finance;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Finance;

/// <summary><c>GET /api/finance/investments</c> over real HTTP with API keys.</summary>
public sealed class InvestmentApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_read_key_lists_each_investment_with_its_figures()
    {
        var code = "INV-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = portal.Database.CreateDbContext())
        {
            db.Investments.Add(new Investment
            {
                Code = code, Name = "Perluasan Cikampek", StartDate = new DateOnly(2026, 1, 1), PlannedAmount = 75_000_000m,
                Status = InvestmentStatus.Planned, CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        using var client = await portal.CreateApiClientAsync(Permissions.FinanceRead);

        using var response = await client.GetAsync(new Uri("api/finance/investments", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await response.Content.ReadFromJsonAsync<JsonElement>();
        var row = rows.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
        Assert.Equal(
            ["id", "code", "name", "startDate", "status", "plannedAmount", "invested", "revenue", "costs", "roiPercent", "paybackMonths"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Perluasan Cikampek", "2026-01-01", "Planned", 75_000_000m, 0m, 0m),
            (row.GetProperty("name").GetString(), row.GetProperty("startDate").GetString(), row.GetProperty("status").GetString(),
                row.GetProperty("plannedAmount").GetDecimal(), row.GetProperty("invested").GetDecimal(), row.GetProperty("revenue").GetDecimal()));
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (row.GetProperty("roiPercent").ValueKind, row.GetProperty("paybackMonths").ValueKind));
    }

    [Fact]
    public async Task A_key_without_finance_read_is_forbidden()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.ExpensesSubmit);

        using var response = await client.GetAsync(new Uri("api/finance/investments", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_the_list_is_closed()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(new Uri("api/finance/investments", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
