using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Saved;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>The saved-report delivery job on a real database at a manual time: due once, per recipient, as the owner, exactly once.</summary>
public sealed class SavedReportDeliveryTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    /// <summary>2 April 2025, 07:30 in Jakarta; the schedule's 08:00 on the 2nd is 01:00 UTC.</summary>
    private static readonly DateTimeOffset Now = new(2025, 4, 2, 0, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2025, 4, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Last_month_pnl_goes_as_pdf_to_each_permitted_recipient_once_and_the_one_without_permission_is_skipped()
    {
        await using var data = await SavedReportTestData.StartAsync(database, Now);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        var finance = await data.UserAsync("keuangan", Roles.Finance);
        var staff = await data.UserAsync("staf", Roles.Staff);
        var (_, scheduleId) = await SaveAsync(data, manager, "P&L bulan lalu", "profit-loss", RelativePeriod.LastMonth, "from=2024-01-01&to=2024-01-31",
            ExportFormat.Pdf, manager, finance, staff);

        var early = await RunAsync(data);
        data.Clock.Advance(TimeSpan.FromMinutes(30));
        var due = await RunAsync(data);
        var again = await RunAsync(data);

        Assert.Equal((0, 1, 0), (early, due, again));
        var messages = await OutboxAsync(data);
        Assert.Equal(["keuangan@example.id", "manajer@example.id"], messages.Select(m => m.Recipient).Order());
        Assert.All(messages, m => Assert.Equal((NotificationChannel.Email, "report_delivery"), (m.Channel, m.Template)));
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(messages[0].Parameters)!;
        Assert.Equal(("Laba rugi", "Maret 2025", "P&L bulan lalu"), (values["laporan"], values["periode"], values["nama_laporan"]));
        Assert.EndsWith("/reports/profit-loss?from=2025-03-01&to=2025-03-31", values["link_laporan"], StringComparison.Ordinal);
        var file = Assert.Single(messages[0].Attachments);
        Assert.Equal(("laba-rugi-2025-03-01-2025-03-31.pdf", "application/pdf"), (file.FileName, file.ContentType));
        var text = await PdfText.ExtractAsync(file.Content);
        Assert.Contains("Periode 01/03/2025 – 31/03/2025", text, StringComparison.Ordinal);
        Assert.Contains("Rp 10.000.000", text, StringComparison.Ordinal);

        await using var db = data.Database.CreateDbContext();
        var delivery = await db.ReportDeliveries.SingleAsync();
        Assert.Equal((scheduleId, Due, DeliveryStatus.Sent), (delivery.ScheduleId, delivery.DueAt, delivery.Status));
        Assert.Equal(messages.Select(m => m.Id).Order(), delivery.OutboxIds.Order());
        Assert.Contains("Dilewati: Pengguna staf (tidak berhak membaca laporan ini).", delivery.Message, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 1, 0, 0, TimeSpan.Zero), (await db.ReportSchedules.SingleAsync()).NextDueAt);
    }

    [Fact]
    public async Task Two_instances_at_once_send_an_xlsx_once_and_kirim_sekarang_sends_again_without_moving_the_schedule()
    {
        await using var data = await SavedReportTestData.StartAsync(database, Now);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        var finance = await data.UserAsync("keuangan", Roles.Finance);
        var (_, scheduleId) = await SaveAsync(data, manager, "Neraca akhir bulan", "balance-sheet", RelativePeriod.LastMonth, null,
            ExportFormat.Xlsx, finance);
        data.Clock.Advance(TimeSpan.FromHours(1));

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RunAsync(data)));

        Assert.Equal(1, runs.Sum());
        var message = Assert.Single(await OutboxAsync(data));
        var file = Assert.Single(message.Attachments);
        Assert.Equal(("neraca-2025-03-31.xlsx", ExportFormats.ContentType(ExportFormat.Xlsx)), (file.FileName, file.ContentType));
        var cells = SavedReportTestData.XlsxTexts(file.Content);
        Assert.Contains("Total aset", cells);
        Assert.Contains("Per 31/03/2025", cells);

        data.ActAs(manager);
        var now = await data.UseAsync(sp => sp.GetRequiredService<DeliverSavedReports>().RunNowAsync(scheduleId));
        Assert.True(now.Succeeded, now.FirstError);
        Assert.Equal((DeliveryStatus.Sent, 1), (now.Value!.Status, now.Value.Emails));
        Assert.Equal(2, (await OutboxAsync(data)).Count);
        await using var db = data.Database.CreateDbContext();
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 1, 0, 0, TimeSpan.Zero), (await db.ReportSchedules.SingleAsync()).NextDueAt);
        data.ActAs(finance);
        var byOther = await data.UseAsync(sp => sp.GetRequiredService<DeliverSavedReports>().RunNowAsync(scheduleId));
        Assert.Equal(Actor.NotPermitted, byOther.FirstError);
    }

    [Fact]
    public async Task An_owner_who_lost_the_permission_gets_a_failed_delivery_and_nothing_is_sent()
    {
        await using var data = await SavedReportTestData.StartAsync(database, Now);
        var owner = await data.UserAsync("keuangan", Roles.Finance);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        await SaveAsync(data, owner, "Arus kas", "cash-flow", RelativePeriod.LastMonth, null, ExportFormat.Pdf, manager);
        await data.UseAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByIdAsync(owner.UserId!.Value.ToString());
            await users.RemoveFromRoleAsync(user!, Roles.Finance);
            return await users.AddToRoleAsync(user!, Roles.Staff);
        });
        data.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await RunAsync(data));

        Assert.Empty(await OutboxAsync(data));
        await using var db = data.Database.CreateDbContext();
        var delivery = await db.ReportDeliveries.SingleAsync();
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal("Pemilik laporan (Pengguna keuangan) tidak lagi berhak membaca laporan Arus kas; laporan tidak dikirim.", delivery.Message);
        Assert.Empty(delivery.OutboxIds);
    }

    [Fact]
    public async Task After_downtime_only_the_latest_missed_occurrence_is_sent()
    {
        await using var data = await SavedReportTestData.StartAsync(database, Now);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        await SaveAsync(data, manager, "Piutang", "aging", RelativePeriod.LastMonth, "status=Active", ExportFormat.Pdf, manager);
        data.Clock.Advance(TimeSpan.FromDays(92)); // 3 July 2025: April, May, June and July's 2nd have passed.

        Assert.Equal(1, await RunAsync(data));

        await using var db = data.Database.CreateDbContext();
        Assert.Equal(new DateTimeOffset(2025, 7, 2, 1, 0, 0, TimeSpan.Zero), (await db.ReportDeliveries.SingleAsync()).DueAt);
        Assert.Equal(new DateTimeOffset(2025, 8, 2, 1, 0, 0, TimeSpan.Zero), (await db.ReportSchedules.SingleAsync()).NextDueAt);
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(Assert.Single(await OutboxAsync(data)).Parameters)!;
        Assert.Equal("per 30 Juni 2025", values["periode"]);
    }

    private static async Task<(int Report, int Schedule)> SaveAsync(SavedReportTestData data, Actor owner, string name, string key, RelativePeriod period, string? query,
        ExportFormat format, params Actor[] recipients)
    {
        data.ActAs(owner);
        var saved = await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().SaveAsync(null, new SavedReportInput(name, key, period, query)));
        Assert.True(saved.Succeeded, saved.FirstError);
        var schedule = await data.UseAsync(sp => sp.GetRequiredService<ReportSchedules>()
            .SaveAsync(saved.Value, null, new ScheduleInput(ScheduleFrequency.Monthly, 2, 8, format, [.. recipients.Select(r => r.UserId!.Value)])));
        Assert.True(schedule.Succeeded, schedule.FirstError);
        data.ActAs(Actor.System);
        return (saved.Value, schedule.Value);
    }

    private static Task<int> RunAsync(SavedReportTestData data) => data.UseAsync(sp => sp.GetRequiredService<DeliverSavedReports>().RunDueAsync());

    private static async Task<List<OutboxMessage>> OutboxAsync(SavedReportTestData data)
    {
        await using var db = data.Database.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).OrderBy(m => m.Id).ToListAsync();
    }
}
