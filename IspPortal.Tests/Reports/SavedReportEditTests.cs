using Bunit;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Saved;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Reports.Components;
using IspPortal.Web.Shell.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IspPortal.Tests.Reports;

/// <summary>
/// Editing a saved report on /reports/saved: the dialog shows its name, period and filters and saves them through the use case (a real
/// database), which checks them as saving does: the owner or Admin, the name unique per owner, the report's filters, the report kept.
/// </summary>
public sealed class SavedReportEditTests(DatabaseFixture database) : PortalComponentTest, IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2025, 4, 2, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_dialog_shows_the_saved_filters_refuses_a_taken_name_and_a_bad_filter_then_saves_the_change()
    {
        await using var data = await SavedReportTestData.StartAsync(database, Now);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        var id = await SaveAsync(data, manager, null, new SavedReportInput("Piutang aktif", "aging", RelativePeriod.LastMonth, "status=Active"));
        await SaveAsync(data, manager, null, new SavedReportInput("Neraca", "balance-sheet", RelativePeriod.LastMonth, null));
        data.ActAs(manager);
        await using var scope = data.Services.CreateAsyncScope();
        var saved = scope.ServiceProvider.GetRequiredService<SavedReports>();
        Services.AddSingleton(saved);
        var report = (await saved.ListAsync()).Value!.Single(r => r.Id == id);

        var host = RenderDialogHost();
        var dialogs = Services.GetRequiredService<IDialogService>();
        Task<int>? result = null;
        var parameters = new DialogParameters<SaveReportDialog> { { d => d.Report, report.ReportKey }, { d => d.Query, report.Parameters }, { d => d.Editing, report } };
        await host.InvokeAsync(() => { result = dialogs.ShowFormAsync<SaveReportDialog, int>("Ubah laporan tersimpan", parameters); });

        host.WaitForElement("[data-testid=save-report-query]");
        Assert.Equal("Piutang aktif", host.Find("input[data-testid=save-report-name]").GetAttribute("value"));
        Assert.Equal("status=Active", host.Find("input[data-testid=save-report-query]").GetAttribute("value"));
        Assert.Contains("Bulan lalu", host.Markup, StringComparison.Ordinal);

        host.Find("input[data-testid=save-report-name]").Change("Neraca");
        host.Find("[data-testid=save-report-save]").Click();
        host.WaitForAssertion(() => Assert.Contains(SavedReports.NameTaken, host.Markup, StringComparison.Ordinal));

        host.Find("input[data-testid=save-report-name]").Change("Piutang terisolir");
        host.Find("input[data-testid=save-report-query]").Change("status=Isolated&locationId=abc");
        host.Find("[data-testid=save-report-save]").Click();
        host.WaitForAssertion(() => Assert.Contains("locationId: " + FilterValues.BadId, host.Markup, StringComparison.Ordinal));

        host.Find("input[data-testid=save-report-query]").Change("status=Isolated");
        host.Find("[data-testid=save-report-save]").Click();

        Assert.Equal(id, await result!.WaitAsync(TimeSpan.FromSeconds(10)));
        await using var db = database.CreateDbContext();
        var stored = await db.SavedReports.SingleAsync(r => r.Id == id);
        Assert.Equal(("Piutang terisolir", RelativePeriod.LastMonth, "status=Isolated"), (stored.Name, stored.Period, stored.Parameters));
    }

    [Fact]
    public async Task Editing_checks_the_filters_as_saving_does_keeps_the_report_and_is_for_the_owner_or_admin()
    {
        await using var data = await SavedReportTestData.StartAsync(database, Now);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        var finance = await data.UserAsync("keuangan", Roles.Finance);
        var admin = await data.UserAsync("admin", Roles.Admin);
        var id = await SaveAsync(data, manager, null, new SavedReportInput("Uptime bulan lalu", "uptime", RelativePeriod.LastMonth, "router=1"));

        var badMonth = await TryAsync(data, manager, id, new SavedReportInput("Uptime", "uptime", RelativePeriod.Fixed, "from=2025-02-30"));
        var tooLong = await TryAsync(data, manager, id, new SavedReportInput("Uptime", "uptime", RelativePeriod.Fixed, "from=2024-01-01&to=2025-03-31"));
        var otherReport = await TryAsync(data, manager, id, new SavedReportInput("Uptime", "bandwidth", RelativePeriod.LastMonth, null));
        var byOther = await TryAsync(data, finance, id, new SavedReportInput("Punya saya", "uptime", RelativePeriod.LastMonth, null));
        var byAdmin = await TryAsync(data, admin, id,
            new SavedReportInput("Uptime Maret", "uptime", RelativePeriod.Fixed, "from=2025-03-01&to=2025-03-31&rows=10"));
        var toRelative = await TryAsync(data, manager, id, new SavedReportInput("Uptime kuartal", "uptime", RelativePeriod.LastQuarter, "from=2025-03-01&to=2025-03-31&location=2"));

        Assert.Equal(ReportSource.BadDate, badMonth.Errors["from"][0]);
        Assert.Equal("Rentang laporan paling panjang 366 hari.", tooLong.Errors["to"][0]);
        Assert.Equal("Jenis laporan tidak dapat diubah; simpan sebagai laporan baru.", otherReport.Errors["reportKey"][0]);
        Assert.Equal(Actor.NotPermitted, byOther.FirstError);
        Assert.True(byAdmin.Succeeded, byAdmin.FirstError);
        Assert.True(toRelative.Succeeded, toRelative.FirstError);
        await using var db = database.CreateDbContext();
        var stored = await db.SavedReports.SingleAsync();
        // A relative period drops the dates it decides.
        Assert.Equal(("Uptime kuartal", "uptime", RelativePeriod.LastQuarter, "location=2"), (stored.Name, stored.ReportKey, stored.Period, stored.Parameters));
    }

    private static async Task<int> SaveAsync(SavedReportTestData data, Actor actor, int? id, SavedReportInput input)
    {
        var outcome = await TryAsync(data, actor, id, input);
        Assert.True(outcome.Succeeded, outcome.FirstError);
        return outcome.Value;
    }

    private static async Task<Core.Common.Outcome<int>> TryAsync(SavedReportTestData data, Actor actor, int? id, SavedReportInput input)
    {
        data.ActAs(actor);
        return await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().SaveAsync(id, input));
    }
}
