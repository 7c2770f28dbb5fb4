using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Saved;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>Saving, listing, editing and scheduling saved reports: who may, unique names per owner, filters checked by the report.</summary>
public sealed class SavedReportUseCaseTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2025, 4, 2, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reports_read_and_the_reports_own_permissions_are_needed_and_names_are_unique_per_owner()
    {
        await using var data = await SavedReportTestData.StartAsync(database, Now);
        var staff = await data.UserAsync("staf", Roles.Staff);
        var finance = await data.UserAsync("keuangan", Roles.Finance);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        var input = new SavedReportInput("Laba rugi bulanan", "profit-loss", RelativePeriod.LastMonth, null);

        var byStaff = await SaveAsync(data, staff, null, input);
        var first = await SaveAsync(data, finance, null, input);
        var twice = await SaveAsync(data, finance, null, input with { Name = " Laba rugi bulanan " });
        var sameNameOtherOwner = await SaveAsync(data, manager, null, input);
        var unknown = await SaveAsync(data, finance, null, input with { ReportKey = "rahasia" });
        var badFilter = await SaveAsync(data, finance, null, input with { Name = "Lain", Query = "routerId=1" });
        var emptyName = await SaveAsync(data, finance, null, input with { Name = "  " });
        var byOther = await SaveAsync(data, manager, first.Value, input with { Name = "Diambil alih" });
        var renamed = await SaveAsync(data, finance, first.Value, input with { Name = "Laba rugi kuartal", Period = RelativePeriod.LastQuarter });

        Assert.Equal(Actor.NotPermitted, byStaff.FirstError);
        Assert.True(first.Succeeded, first.FirstError);
        Assert.Equal(SavedReports.NameTaken, twice.Errors["name"][0]);
        Assert.True(sameNameOtherOwner.Succeeded, sameNameOtherOwner.FirstError);
        Assert.Equal(SavedReports.UnknownReport, unknown.Errors["reportKey"][0]);
        Assert.Equal("Filter \"routerId\" tidak dikenal untuk laporan Laba rugi.", badFilter.Errors["routerId"][0]);
        Assert.Equal(SavedReports.BadName, emptyName.Errors["name"][0]);
        Assert.Equal(Actor.NotPermitted, byOther.FirstError);
        Assert.True(renamed.Succeeded, renamed.FirstError);

        data.ActAs(finance);
        var mine = await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().ListAsync());
        var report = Assert.Single(mine.Value!);
        Assert.Equal(("Laba rugi kuartal", "Laba rugi", RelativePeriod.LastQuarter, "/reports/profit-loss?from=2025-01-01&to=2025-03-31"),
            (report.Name, report.ReportTitle, report.Period, report.Link));
        data.ActAs(Actor.For(null, "admin", [Roles.Admin]));
        var all = await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().ListAsync());
        Assert.Equal(2, all.Value!.Count);
    }

    [Fact]
    public async Task A_schedule_takes_active_users_with_an_email_and_deleting_the_report_removes_it()
    {
        await using var data = await SavedReportTestData.StartAsync(database, Now);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        var noMail = await data.UserAsync("tanpa", Roles.Manager, email: false);
        var saved = await SaveAsync(data, manager, null, new SavedReportInput("Piutang lokasi 3", "aging", RelativePeriod.Fixed, "?locationId=3&asOf=2025-03-31"));
        Assert.True(saved.Succeeded, saved.FirstError);

        data.ActAs(manager);
        var schedules = (IServiceProvider sp) => sp.GetRequiredService<ReportSchedules>();
        var withoutMail = await data.UseAsync(sp => schedules(sp).SaveAsync(saved.Value, null, new ScheduleInput(ScheduleFrequency.Weekly, 1, 8, ExportFormat.Pdf, [noMail.UserId!.Value])));
        var badDay = await data.UseAsync(sp => schedules(sp).SaveAsync(saved.Value, null, new ScheduleInput(ScheduleFrequency.Monthly, 31, 8, ExportFormat.Pdf, [manager.UserId!.Value])));
        var csv = await data.UseAsync(sp => schedules(sp).SaveAsync(saved.Value, null, new ScheduleInput(ScheduleFrequency.Monthly, 2, 8, ExportFormat.Csv, [manager.UserId!.Value])));
        var weekly = await data.UseAsync(sp => schedules(sp).SaveAsync(saved.Value, null, new ScheduleInput(ScheduleFrequency.Weekly, 1, 8, ExportFormat.Pdf, [manager.UserId!.Value])));
        var options = await data.UseAsync(sp => schedules(sp).RecipientsAsync());

        Assert.Equal(ReportSchedules.BadRecipients, withoutMail.Errors["recipients"][0]);
        Assert.Equal("Tanggal tiap bulan 1 sampai 28.", badDay.Errors["day"][0]);
        Assert.Equal("Format kiriman PDF atau xlsx.", csv.Errors["format"][0]);
        Assert.True(weekly.Succeeded, weekly.FirstError);
        Assert.Equal(["manajer@example.id"], options.Value!.Select(o => o.Email));
        await using (var db = data.Database.CreateDbContext())
        {
            var stored = await db.SavedReports.SingleAsync();
            Assert.Equal("asOf=2025-03-31&locationId=3", stored.Parameters);
            // 2 April 2025 is a Wednesday: the next Monday 08:00 in Jakarta is 7 April, 01:00 UTC.
            Assert.Equal(new DateTimeOffset(2025, 4, 7, 1, 0, 0, TimeSpan.Zero), (await db.ReportSchedules.SingleAsync()).NextDueAt);
        }

        var deleted = await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().DeleteAsync(saved.Value));
        Assert.True(deleted.Succeeded, deleted.FirstError);
        await using var after = data.Database.CreateDbContext();
        Assert.Equal((0, 0), (await after.SavedReports.CountAsync(), await after.ReportSchedules.CountAsync()));
    }

    private static async Task<Core.Common.Outcome<int>> SaveAsync(SavedReportTestData data, Actor actor, int? id, SavedReportInput input)
    {
        data.ActAs(actor);
        return await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().SaveAsync(id, input));
    }
}
