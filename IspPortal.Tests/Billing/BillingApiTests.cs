using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary><c>POST /api/billing/generate</c> over real HTTP against the demo ISP.</summary>
public sealed class BillingApiTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task Generating_a_month_twice_creates_its_invoices_once_and_answers_with_the_counts()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BillingWrite);
        string month;
        await using (var scope = portal.Services.CreateAsyncScope())
            month = (await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync()).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await using var db = portal.Database.CreateDbContext();
        var billable = await db.Customers.CountAsync(c => c.Status == IspPortal.Core.Customers.CustomerStatus.Active || c.Status == IspPortal.Core.Customers.CustomerStatus.Isolated);

        using var first = await client.PostAsJsonAsync("api/billing/generate", new { period = month });
        using var again = await client.PostAsJsonAsync("api/billing/generate", new { period = month });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((month, billable, 0), (created.GetProperty("period").GetString(), created.GetProperty("created").GetInt32(), created.GetProperty("skipped").GetInt32()));
        Assert.Equal((0, billable), (repeated.GetProperty("created").GetInt32(), repeated.GetProperty("skipped").GetInt32()));
        var period = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(billable, await db.Invoices.CountAsync(i => i.Period == period));
    }

    [Theory]
    [InlineData("2025/02")]
    [InlineData("Februari")]
    [InlineData(null)]
    public async Task A_period_that_is_not_yyyy_mm_is_a_validation_problem(string? period)
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BillingWrite);

        using var response = await client.PostAsJsonAsync("api/billing/generate", new { period });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("YYYY-MM", problem.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_billing_write_is_forbidden_and_creates_nothing()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRead);
        await using var db = portal.Database.CreateDbContext();
        var before = await db.Invoices.CountAsync();

        using var response = await client.PostAsJsonAsync("api/billing/generate", new { period = "2020-01" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await db.Invoices.CountAsync());
    }
}
