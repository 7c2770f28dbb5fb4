using Bunit;
using IspPortal.Core.Finance.Ledger;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Finance.Pages;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace IspPortal.Tests.Finance;

/// <summary>The Pemasukan lain page over the real use cases: Finance records and it posts; bad input is refused in Indonesian; Manager reads without the button.</summary>
public sealed class IncomePageTests(DatabaseFixture database) : FinancePageTest(database), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Finance_records_tower_rent_into_a_bank_and_it_posts_and_totals()
    {
        await StartAsync();
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var page = RenderLoaded();

        page.Find("[data-testid=record-income]").Click();
        host.WaitForElement("[data-testid=income-save]:not([disabled])", Wait);
        var category = host.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && Equals(id, "income-category"));
        await host.InvokeAsync(() => category.Instance.SelectOption("sewa-menara"));
        host.Find("input[data-testid=income-source]").Change("PT Menara Bersama");
        host.Find("input[data-testid=income-description]").Change("Sewa menara Maret");
        host.Find("input[data-testid=income-amount]").Change("2500000");
        host.Find("input[data-testid=income-reference]").Change("INV-MB-0312");
        host.Find("[data-testid=income-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("INC/2026/03/0001", page.Find("[data-testid=income-number]").TextContent.Trim()), Wait);
        Assert.Equal("Rp 2.500.000", page.Find("[data-testid=total-income]").TextContent.Trim());
        await using var db = Database.CreateDbContext();
        var income = await db.Income.SingleAsync();
        Assert.Equal(("PT Menara Bersama", 2_500_000m, "INV-MB-0312", Today), (income.Source, income.Amount, income.Reference, income.IncomeDate));
        var key = income.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = await db.JournalLines.Where(l => l.Entry!.SourceType == JournalSource.Income && l.Entry.SourceKey == key)
            .OrderBy(l => l.Position).Select(l => new { l.Account!.Code, l.Debit, l.Credit }).ToListAsync();
        Assert.Equal(2, lines.Count);
        Assert.Equal((2_500_000m, 0m), (lines[0].Debit, lines[0].Credit));
        Assert.StartsWith("1-12", lines[0].Code, StringComparison.Ordinal);
        Assert.Equal(("4-9200", 0m, 2_500_000m), (lines[1].Code, lines[1].Debit, lines[1].Credit));
    }

    [Fact]
    public async Task Missing_source_and_amount_show_indonesian_messages_and_nothing_is_written()
    {
        await StartAsync();
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var page = RenderLoaded();

        page.Find("[data-testid=record-income]").Click();
        host.WaitForElement("[data-testid=income-save]:not([disabled])", Wait);
        host.Find("input[data-testid=income-description]").Change("Tanpa sumber");
        host.Find("[data-testid=income-save]").Click();

        host.WaitForAssertion(() => Assert.Contains("Sumber (pembayar) wajib diisi.", host.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("Jumlah harus lebih dari 0.", host.Markup, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Income.CountAsync());
        Assert.Equal(0, await db.JournalEntries.CountAsync());
    }

    [Fact]
    public async Task Manager_reads_the_list_without_the_record_button()
    {
        await StartAsync();
        SignIn(await UserAsync("man1", Roles.Manager), Roles.Manager);

        var page = RenderLoaded();

        Assert.Empty(page.FindAll("[data-testid=record-income]"));
        Assert.Equal("Rp 0", page.Find("[data-testid=total-income]").TextContent.Trim());
    }

    private IRenderedComponent<OtherIncomePage> RenderLoaded()
    {
        var page = Render<OtherIncomePage>();
        page.WaitForElement("[data-testid=income-totals]", Wait);
        return page;
    }
}
