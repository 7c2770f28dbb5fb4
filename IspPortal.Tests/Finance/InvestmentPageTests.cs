using Bunit;
using IspPortal.Core.Customers;
using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;
using IspPortal.Core.Finance.Investments;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Finance.Components;
using IspPortal.Web.Features.Finance.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IspPortal.Tests.Finance;

/// <summary>The Investasi pages over the real use cases (15 March 2026): Finance creates, links and moves; Manager reads only.</summary>
public sealed class InvestmentPageTests(DatabaseFixture database) : FinancePageTest(database), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Finance_creates_an_investment_in_the_dialog_and_lands_on_its_page()
    {
        await StartAsync();
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var page = Render<Investments>();
        page.WaitForElement("[data-testid=investments]", Wait);

        page.Find("[data-testid=create-investment]").Click();
        host.WaitForElement("[data-testid=investment-save]", Wait);
        host.Find("input[data-testid=investment-code]").Change("INV-KRW-2026");
        host.Find("input[data-testid=investment-name]").Change("Perluasan Karawang");
        host.Find("input[data-testid=investment-planned]").Change("150000000");
        host.Find("[data-testid=investment-save]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches(@"finance/investments/\d+$", navigation.Uri), Wait);
        await using var db = Database.CreateDbContext();
        var saved = await db.Investments.SingleAsync();
        Assert.Equal(("INV-KRW-2026", "Perluasan Karawang", 150_000_000m, Today, InvestmentStatus.Active),
            (saved.Code, saved.Name, saved.PlannedAmount, saved.StartDate, saved.Status));
        Assert.EndsWith($"finance/investments/{saved.Id}", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_in_the_dialog_in_indonesian()
    {
        await StartAsync();
        await InvestmentAsync();
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var page = Render<Investments>();
        page.WaitForElement("[data-testid=investment-row]", Wait);

        page.Find("[data-testid=create-investment]").Click();
        host.WaitForElement("[data-testid=investment-save]", Wait);
        host.Find("input[data-testid=investment-code]").Change("INV-KRW-2026");
        host.Find("input[data-testid=investment-name]").Change("Lagi");
        host.Find("[data-testid=investment-save]").Click();

        host.WaitForAssertion(() => Assert.Contains("Kode 'INV-KRW-2026' sudah dipakai investasi lain.", host.Markup, StringComparison.Ordinal), Wait);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.Investments.CountAsync());
    }

    [Fact]
    public async Task Finance_links_a_location_from_the_picker_and_completes_the_project()
    {
        await StartAsync();
        var (id, location) = (await InvestmentAsync(), await LocationAsync("KRW", "Karawang"));
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var page = RenderDetail(id);

        var picker = page.FindComponents<MudSelect<int?>>().First(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var t) && Equals(t, "pick"));
        await page.InvokeAsync(() => picker.Instance.SelectOption((int?)location));
        page.Find("[data-testid=linked-locations] [data-testid=link]").Click();

        page.WaitForAssertion(() => Assert.Contains("KRW", page.Find("[data-testid=linked-locations]").TextContent, StringComparison.Ordinal), Wait);
        page.Find("[data-testid=status-Completed]").Click();
        host.WaitForAssertion(() => host.FindAll("button").First(b => b.TextContent.Trim() == "Ya").Click(), Wait);
        page.WaitForAssertion(() => Assert.Equal("Selesai", page.Find("[data-testid=investment-status]").TextContent.Trim()), Wait);
        await using var db = Database.CreateDbContext();
        Assert.Equal([location], await db.InvestmentLocations.Where(l => l.InvestmentId == id).Select(l => l.LocationCodeId).ToListAsync());
        Assert.Equal(InvestmentStatus.Completed, (await db.Investments.SingleAsync()).Status);
    }

    [Fact]
    public async Task Finance_edits_the_plan_in_the_dialog_filled_with_the_current_values()
    {
        await StartAsync();
        var id = await InvestmentAsync();
        SignIn(await UserAsync("keu1", Roles.Finance), Roles.Finance);
        var host = RenderDialogHost();
        var page = RenderDetail(id);

        page.Find("[data-testid=edit-investment]").Click();
        host.WaitForElement("[data-testid=investment-save]", Wait);
        Assert.Equal("INV-KRW-2026", host.Find("input[data-testid=investment-code]").GetAttribute("value"));
        host.Find("input[data-testid=investment-name]").Change("Perluasan Karawang Timur");
        host.Find("input[data-testid=investment-planned]").Change("175000000");
        host.Find("[data-testid=investment-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Perluasan Karawang Timur", page.Markup, StringComparison.Ordinal), Wait);
        Assert.Contains("dari rencana Rp 175.000.000", page.Find("[data-testid=investment-summary]").TextContent, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        var saved = await db.Investments.SingleAsync();
        Assert.Equal(("INV-KRW-2026", "Perluasan Karawang Timur", 175_000_000m, new DateOnly(2026, 1, 1)), (saved.Code, saved.Name, saved.PlannedAmount, saved.StartDate));
    }

    [Fact]
    public async Task Manager_reads_the_figures_without_pickers_or_buttons()
    {
        await StartAsync();
        var id = await InvestmentAsync();
        ActAs(Actor.System);
        var asset = await UseAsync(sp => sp.GetRequiredService<RegisterAsset>().ExecuteAsync(
            new AssetInput("AST-NET-0001", "OLT ZTE C320", "network", new DateOnly(2026, 1, 20), 12_000_000m, PaidFromAccountCode: "1-1100")));
        await UseAsync(sp => sp.GetRequiredService<ManageInvestments>().LinkAsync(id, InvestmentLinkKind.Asset, asset.Value));
        SignIn(await UserAsync("man1", Roles.Manager), Roles.Manager);

        var page = RenderDetail(id);

        Assert.Equal("Rp 12.000.000", page.Find("[data-testid=summary-invested]").TextContent.Trim());
        Assert.Equal("0,00 %", page.Find("[data-testid=summary-roi]").TextContent.Trim());
        Assert.Equal(3, page.FindAll("[data-testid=investment-months] tbody tr").Count);
        Assert.Contains("AST-NET-0001", page.Find("[data-testid=linked-assets]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=pick]"));
        Assert.Empty(page.FindAll("[data-testid=edit-investment]"));
        Assert.Empty(page.FindAll("[data-testid=unlink]"));
    }

    [Fact]
    public async Task Without_finance_read_the_page_shows_a_refusal_not_the_figures()
    {
        await StartAsync();
        var id = await InvestmentAsync();
        SignIn(await UserAsync("tek1", Roles.Technician), Roles.Technician);

        var page = Render<InvestmentPage>(p => p.Add(c => c.Id, id));

        page.WaitForAssertion(() => Assert.Equal(Actor.NotPermitted, page.Find("[data-testid=investment-error]").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll("[data-testid=investment-summary]"));
    }

    [Fact]
    public void The_list_table_shows_roi_and_payback_or_a_dash()
    {
        var rows = new List<InvestmentSummary>
        {
            new(1, "INV-A", "Karawang", new DateOnly(2026, 1, 1), InvestmentStatus.Active, 120_000_000m, 120_000_000m, 180_000_000m, 36_000_000m, 120.00m, 10),
            new(2, "INV-B", "Cikampek", new DateOnly(2026, 6, 1), InvestmentStatus.Planned, 50_000_000m, 0m, 0m, 0m, null, null),
        };

        var table = Render<InvestmentTable>(p => p.Add(t => t.Rows, rows));

        Assert.Equal(["120,00 %", "—"], table.FindAll("[data-testid=investment-roi]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["10", "—"], table.FindAll("[data-testid=investment-payback]").Select(c => c.TextContent.Trim()));
        Assert.Contains("Direncanakan", table.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<InvestmentPage> RenderDetail(int id)
    {
        var page = Render<InvestmentPage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("[data-testid=investment-summary]", Wait);
        return page;
    }

    /// <summary>INV-KRW-2026, started 1 January 2026, created by the system.</summary>
    private async Task<int> InvestmentAsync()
    {
        ActAs(Actor.System);
        var created = await UseAsync(sp => sp.GetRequiredService<ManageInvestments>().CreateAsync(
            new InvestmentInput("INV-KRW-2026", "Perluasan Karawang", new DateOnly(2026, 1, 1), 150_000_000m, null)));
        Assert.True(created.Succeeded, created.FirstError);
        return created.Value;
    }

    private async Task<int> LocationAsync(string code, string name)
    {
        await using var db = Database.CreateDbContext();
        var location = new LocationCode { Code = code, Name = name, CreatedAt = Now };
        db.LocationCodes.Add(location);
        await db.SaveChangesAsync();
        return location.Id;
    }
}
