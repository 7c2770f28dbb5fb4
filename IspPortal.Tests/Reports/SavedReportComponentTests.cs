using Bunit;
using Microsoft.Extensions.DependencyInjection;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Saved;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Reports.Components;

namespace IspPortal.Tests.Reports;

/// <summary>The saved-reports page's parts: the list links each report with its filters and tells its schedules; the history tells each delivery.</summary>
public sealed class SavedReportComponentTests : PortalComponentTest
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private static SavedReportView Report(int id, params ScheduleView[] schedules) => new(id, $"Laporan {id}", "profit-loss", "Laba rugi", RelativePeriod.LastMonth,
        "", Guid.NewGuid(), "Pengguna manajer", "/reports/profit-loss?from=2025-03-01&to=2025-03-31", DateTimeOffset.UnixEpoch, schedules);

    [Fact]
    public void The_list_links_each_report_to_its_page_and_tells_its_schedules_with_the_next_time_in_the_isp_zone()
    {
        var monthly = new ScheduleView(7, 1, ScheduleFrequency.Monthly, 2, 8, ExportFormat.Pdf, [Guid.NewGuid(), Guid.NewGuid()], true, new DateTimeOffset(2025, 5, 2, 1, 0, 0, TimeSpan.Zero));
        var weekly = new ScheduleView(8, 1, ScheduleFrequency.Weekly, 1, 7, ExportFormat.Xlsx, [Guid.NewGuid()], false, new DateTimeOffset(2025, 4, 7, 0, 0, 0, TimeSpan.Zero));
        ScheduleView? sent = null;

        var list = Render<SavedReportList>(p => p.Add(l => l.Reports, [Report(1, monthly, weekly), Report(2)]).Add(l => l.Zone, Jakarta)
            .Add(l => l.SendNow, s => sent = s));

        Assert.Equal(["/reports/profit-loss?from=2025-03-01&to=2025-03-31", "/reports/profit-loss?from=2025-03-01&to=2025-03-31"],
            list.FindAll("[data-testid=saved-open]").Select(a => a.GetAttribute("href")));
        var schedules = list.FindAll("[data-testid=saved-schedules]");
        Assert.Contains("Bulanan tgl 2, 08:00", schedules[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("02/05/2025 08:00", schedules[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Mingguan Senin, 07:00", schedules[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Nonaktif", schedules[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Tanpa jadwal", schedules[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Pengguna manajer", list.Markup, StringComparison.Ordinal);

        var send = Assert.Single(list.FindAll("[data-testid=saved-send-now]"));
        send.Click();
        Assert.Equal(7, sent?.Id);
    }

    [Fact]
    public void The_history_tells_each_delivery_its_outcome_and_who_was_skipped()
    {
        DeliveryView[] rows =
        [
            new(2, 7, new DateTimeOffset(2025, 5, 2, 1, 0, 0, TimeSpan.Zero), DeliveryStatus.Failed, "Pemilik laporan tidak lagi berhak.", 0),
            new(1, 7, new DateTimeOffset(2025, 4, 2, 1, 0, 0, TimeSpan.Zero), DeliveryStatus.Sent, "Dikirim ke A. Dilewati: B (nonaktif).", 1),
        ];

        var history = Render<DeliveryHistory>(p => p.Add(h => h.Title, "Laba rugi bulanan").Add(h => h.Rows, rows).Add(h => h.Zone, Jakarta));

        var shown = history.FindAll("[data-testid=delivery-row]");
        Assert.Equal(2, shown.Count);
        Assert.Contains("02/05/2025 08:00", shown[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Gagal", shown[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Terkirim", shown[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Dilewati: B (nonaktif).", shown[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_save_button_opens_the_dialog_with_name_and_period()
    {
        // Not called until Simpan: the dialog only needs it to exist.
        Services.AddSingleton(new SavedReports(null!, null!, null!, null!, null!, null!));
        SignInAs("manajer", Core.Identity.Roles.Manager);
        var host = RenderDialogHost();
        var button = Render<SaveReportButton>(p => p.Add(b => b.Report, "profit-loss").Add(b => b.Query, "from=2025-03-01&to=2025-03-31"));

        button.Find("[data-testid=save-report]").Click();

        host.WaitForAssertion(() => Assert.NotNull(host.Find("[data-testid=save-report-name]")));
        Assert.Contains("Periode relatif dihitung ulang", host.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_save_button_is_only_for_reports_read_as_the_network_pages_open_to_network_read_alone()
    {
        SignInAs("noc", Core.Identity.Roles.Noc);

        var button = Render<SaveReportButton>(p => p.Add(b => b.Report, "uptime").Add(b => b.Query, "from=2025-03-01&to=2025-03-31"));

        Assert.Empty(button.FindAll("[data-testid=save-report]"));
    }
}
