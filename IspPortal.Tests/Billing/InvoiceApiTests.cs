using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Billing;

/// <summary>The invoice list, the run preview and the reminder run over real HTTP against the demo ISP.</summary>
public sealed class InvoiceApiTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task The_preview_of_next_month_is_what_generate_then_creates_and_afterwards_nothing()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRead, Permissions.BillingWrite);
        var month = BillingPeriodText.Of((await TodayAsync()).AddMonths(1));

        var before = await client.GetFromJsonAsync<JsonElement>($"api/billing/preview?period={month}");
        using var generated = await client.PostAsJsonAsync("api/billing/generate", new { period = month });
        var after = await client.GetFromJsonAsync<JsonElement>($"api/billing/preview?period={month}");

        var toCreate = before.GetProperty("toCreate").GetInt32();
        Assert.True(toCreate > 0);
        Assert.Equal(Math.Min(toCreate, InvoiceRunPreview.SampleSize), before.GetProperty("first").GetArrayLength());
        Assert.Equal(toCreate, (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        Assert.Equal((0, toCreate, 0m), (after.GetProperty("toCreate").GetInt32(), after.GetProperty("alreadyInvoiced").GetInt32(), after.GetProperty("total").GetDecimal()));
        var period = DateOnly.ParseExact(month, BillingPeriodText.Format, CultureInfo.InvariantCulture);
        await using var db = portal.Database.CreateDbContext();
        Assert.Equal(before.GetProperty("total").GetDecimal(), await db.Invoices.Where(i => i.Period == period).SumAsync(i => i.Total));
    }

    [Theory]
    [InlineData("2025/02")]
    [InlineData("")]
    public async Task A_preview_of_a_malformed_period_is_a_validation_problem(string period)
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRead);

        using var response = await client.GetAsync(new Uri($"api/billing/preview?period={period}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invoices_of_this_month_still_owing_come_a_page_at_a_time_with_the_totals_of_all()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRead);
        var month = Invoice.FirstDayOf(await TodayAsync());
        await using var db = portal.Database.CreateDbContext();
        var owing = await db.Invoices.Where(i => i.Period == month && Arrears.Owing.Contains(i.Status)).ToListAsync();

        var page = await client.GetFromJsonAsync<JsonElement>($"api/invoices?period={BillingPeriodText.Of(month)}&status=owing&pageSize=5");

        Assert.Equal(owing.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(Math.Min(5, owing.Count), page.GetProperty("items").GetArrayLength());
        Assert.Equal(owing.Sum(i => i.AmountDue), page.GetProperty("totals").GetProperty("due").GetDecimal());
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Contains(Enum.Parse<InvoiceStatus>(i.GetProperty("status").GetString()!), Arrears.Owing));
    }

    [Fact]
    public async Task An_unknown_status_is_a_validation_problem_naming_the_choices()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.BillingRead);

        using var response = await client.GetAsync(new Uri("api/invoices?status=lunas", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("owing", problem.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_run_answers_its_counts_and_is_kept_as_an_api_run_and_needs_billing_write()
    {
        using var writer = await portal.CreateApiClientAsync(Permissions.BillingWrite);
        using var reader = await portal.CreateApiClientAsync(Permissions.BillingRead);

        using var response = await writer.PostAsync(new Uri("api/billing/reminder", UriKind.Relative), null);
        using var again = await writer.PostAsync(new Uri("api/billing/reminder", UriKind.Relative), null);
        using var forbidden = await reader.PostAsync(new Uri("api/billing/reminder", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = await response.Content.ReadFromJsonAsync<JsonElement>();
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((await TodayAsync()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first.GetProperty("day").GetString());
        Assert.Equal((0, first.GetProperty("queued").GetInt32() + first.GetProperty("alreadyQueued").GetInt32()),
            (second.GetProperty("queued").GetInt32(), second.GetProperty("alreadyQueued").GetInt32()));
        await using var db = portal.Database.CreateDbContext();
        var run = await db.BillingRuns.SingleAsync(r => r.Id == first.GetProperty("runId").GetInt64());
        Assert.Equal((BillingRunKind.Reminders, BillingRunTrigger.Api, BillingRunStatus.Completed), (run.Kind, run.Trigger, run.Status));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private async Task<DateOnly> TodayAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync();
    }
}
