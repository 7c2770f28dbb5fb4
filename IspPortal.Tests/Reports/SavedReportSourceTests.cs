using System.Globalization;
using IspPortal.Core.Identity;
using IspPortal.Core.Reports.Exports;
using IspPortal.Core.Reports.Network;
using IspPortal.Core.Reports.Revenue;
using IspPortal.Core.Reports.Saved;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Reports;

/// <summary>
/// The revenue and network reports in the saved-report catalog: a saved relative period renders the same table as the report's own use case
/// over the months or days it resolves to, the filters are refused as the API refuses them, and the network reports read with any one permission.
/// </summary>
public sealed class SavedReportSourceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    /// <summary>15 July 2025: the revenue book runs January to June.</summary>
    private static readonly DateTimeOffset July = new(2025, 7, 15, 3, 0, 0, TimeSpan.Zero);

    /// <summary>2 April 2025, 07:30 in Jakarta: last month is the network data's March.</summary>
    private static readonly DateTimeOffset April = new(2025, 4, 2, 0, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Revenue_reports_saved_with_a_relative_period_render_the_use_cases_table_for_its_months()
    {
        await using var data = await SavedReportTestData.StartAsync(database, July);
        (int Karawang, int Bekasi, int P20, int P50) book;
        await using (var db = database.CreateDbContext())
            book = await RevenueReportData.SeedAsync(db, July);
        var manager = await data.UserAsync("manajer", Roles.Manager);

        var quarter = await SaveAsync(data, manager, "MRR Karawang", "mrr", RelativePeriod.LastQuarter, $"from=2024-01&to=2024-02&location={book.Karawang}");
        var cohorts = await SaveAsync(data, manager, "Kohort tahun ini", "churn", RelativePeriod.YearToDate, "table=cohorts");
        var lastMonth = await SaveAsync(data, manager, "Churn bulan lalu", "churn", RelativePeriod.LastMonth, $"package={book.P50}");
        var twelve = await SaveAsync(data, manager, "MRR setahun", "mrr", RelativePeriod.Fixed, null);

        data.ActAs(manager);
        var aprilToJune = new MonthRange(new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 1));
        var mrr = await data.UseAsync(sp => sp.GetRequiredService<MrrMovement>().ForAsync(aprilToJune, new RevenueFilter(LocationId: book.Karawang)));
        var saved = await RenderAsync(data, quarter);
        Assert.Equal(Text(RevenueTables.Mrr(mrr.Value!)), Text(saved));
        Assert.Equal(("mrr-2025-04-2025-06", "Periode April 2025 – Juni 2025"), (saved.FileName, saved.Period));

        var janToJuly = new MonthRange(new DateOnly(2025, 1, 1), new DateOnly(2025, 7, 1));
        var churn = await data.UseAsync(sp => sp.GetRequiredService<CustomerChurn>().ForAsync(janToJuly, RevenueFilter.None));
        Assert.Equal(Text(RevenueTables.Cohorts(churn.Value!)), Text(await RenderAsync(data, cohorts)));

        var june = await data.UseAsync(sp => sp.GetRequiredService<CustomerChurn>()
            .ForAsync(new MonthRange(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1)), new RevenueFilter(PackageId: book.P50)));
        var juneTable = await RenderAsync(data, lastMonth);
        Assert.Equal(Text(RevenueTables.Churn(june.Value!)), Text(juneTable));
        Assert.Equal("Bulan Juni 2025", juneTable.Period);

        var list = (await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().ListAsync())).Value!.ToDictionary(r => r.Id);
        Assert.Equal($"/reports/customers?from=2025-04&location={book.Karawang}&to=2025-06", list[quarter].Link);
        Assert.Equal("/reports/customers?from=2025-01&table=cohorts&to=2025-07", list[cohorts].Link);
        // Without months: the twelve months ending this month, as the page and the API default them.
        Assert.Equal("/reports/customers?from=2024-08&to=2025-07", list[twelve].Link);
        Assert.Equal(("MRR dan ARPU", "Pelanggan dan churn"), (list[quarter].ReportTitle, list[cohorts].ReportTitle));
    }

    [Fact]
    public async Task Network_reports_saved_with_a_relative_period_render_the_use_cases_table_for_its_days()
    {
        await using var data = await SavedReportTestData.StartAsync(database, April);
        var network = await NetworkReportData.SeedAsync(database);
        var manager = await data.UserAsync("manajer", Roles.Manager);

        var uptimeId = await SaveAsync(data, manager, "Uptime AAA bulan lalu", "uptime", RelativePeriod.LastMonth, $"router={network.Aaa}&rows=2");
        var bandwidthId = await SaveAsync(data, manager, "Bandwidth awal Maret", "bandwidth", RelativePeriod.Fixed, "from=2025-03-01&to=2025-03-10");

        data.ActAs(manager);
        var march = (From: new DateOnly(2025, 3, 1), To: new DateOnly(2025, 3, 31));
        var uptime = await data.UseAsync(sp => sp.GetRequiredService<NetworkUptime>().ForAsync(march.From, march.To, new NetworkFilter(RouterId: network.Aaa), 2));
        var saved = await RenderAsync(data, uptimeId);
        Assert.Equal(Text(NetworkTables.Uptime(uptime.Value!)), Text(saved));
        Assert.Equal("uptime-2025-03-01-2025-03-31", saved.FileName);
        Assert.Contains(saved.Rows, r => Equals(r.Cells[0], "AAA"));
        Assert.DoesNotContain(saved.Rows, r => Equals(r.Cells[0], "BBB"));

        var bandwidth = await data.UseAsync(sp => sp.GetRequiredService<BandwidthUtilization>().ForAsync(NetworkReportData.From, NetworkReportData.To, NetworkFilter.None));
        Assert.Equal(Text(NetworkTables.Bandwidth(bandwidth.Value!)), Text(await RenderAsync(data, bandwidthId)));

        var list = (await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().ListAsync())).Value!.ToDictionary(r => r.Id);
        Assert.Equal($"/reports/uptime?from=2025-03-01&router={network.Aaa}&rows=2&to=2025-03-31", list[uptimeId].Link);
        Assert.Equal("/reports/bandwidth?from=2025-03-01&to=2025-03-10", list[bandwidthId].Link);
    }

    [Theory]
    [InlineData("mrr", "from=2025-13", "from", FilterValues.BadMonth)]
    [InlineData("mrr", "to=juli", "to", FilterValues.BadMonth)]
    [InlineData("mrr", "location=abc", "location", FilterValues.BadId)]
    [InlineData("mrr", "package=-1", "package", FilterValues.BadId)]
    [InlineData("mrr", "from=2022-01&to=2025-06", "to", "Rentang laporan paling panjang 36 bulan.")]
    [InlineData("mrr", "from=2025-06&to=2025-01", "to", "Bulan akhir tidak boleh sebelum bulan awal.")]
    [InlineData("mrr", "table=cohorts", "table", "Filter \"table\" tidak dikenal untuk laporan MRR dan ARPU.")]
    [InlineData("mrr", "format=xlsx", "format", "Filter \"format\" tidak dikenal untuk laporan MRR dan ARPU.")]
    [InlineData("churn", "table=rahasia", "table", ChurnSource.UnknownTable)]
    [InlineData("uptime", "from=2025-03-40", "from", ReportSource.BadDate)]
    [InlineData("uptime", "from=2024-01-01&to=2025-03-10", "to", "Rentang laporan paling panjang 366 hari.")]
    [InlineData("uptime", "rows=5000", "rows", "Isi satu bilangan bulat 0–1000.")]
    [InlineData("uptime", "router=0", "router", "Isi satu bilangan bulat 1–2147483647.")]
    [InlineData("bandwidth", "rows=5", "rows", "Filter \"rows\" tidak dikenal untuk laporan Bandwidth.")]
    [InlineData("bandwidth", "location=1.5", "location", "Isi satu bilangan bulat 1–2147483647.")]
    public async Task Bad_filters_are_refused_in_indonesian_keyed_by_the_filter(string report, string query, string field, string message)
    {
        await using var data = await SavedReportTestData.StartAsync(database, April);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        data.ActAs(manager);

        var outcome = await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().SaveAsync(null, new SavedReportInput("Laporan", report, RelativePeriod.Fixed, query)));

        Assert.False(outcome.Succeeded);
        Assert.Equal(message, outcome.Errors[field][0]);
    }

    [Fact]
    public async Task Revenue_reports_need_billing_read_and_network_reports_any_of_reports_read_or_network_read()
    {
        await using var data = await SavedReportTestData.StartAsync(database, April);
        using var scope = data.Services.CreateScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ReportCatalog>();
        string[] keys = ["mrr", "churn", "uptime", "bandwidth"];
        string[] roles = [Roles.Finance, Roles.Manager, Roles.Noc, Roles.Technician, Roles.Staff];

        var readers = keys.ToDictionary(key => key, key =>
            string.Join(",", roles.Where(role => catalog.Find(key)!.MayRead(Actor.For(Guid.NewGuid(), role, [role])))));

        Assert.Equal("Finance,Manager", readers["mrr"]);
        Assert.Equal("Finance,Manager", readers["churn"]);
        Assert.Equal("Finance,Manager,NOC,Technician", readers["uptime"]);
        Assert.Equal("Finance,Manager,NOC,Technician", readers["bandwidth"]);
    }

    [Fact]
    public async Task A_scheduled_mrr_goes_as_xlsx_that_reads_back_with_last_months_figures()
    {
        await using var data = await SavedReportTestData.StartAsync(database, July);
        await using (var db = database.CreateDbContext())
            await RevenueReportData.SeedAsync(db, July);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        var noc = await data.UserAsync("noc", Roles.Noc);
        var id = await SaveAsync(data, manager, "MRR bulan lalu", "mrr", RelativePeriod.LastMonth, null);
        await ScheduleAsync(data, manager, id, ExportFormat.Xlsx, manager, noc);
        data.Clock.Advance(TimeSpan.FromDays(18)); // 2 August 2025, 10:00 in Jakarta: the 08:00 run is due; last month is July.

        Assert.Equal(1, await RunAsync(data));

        var message = Assert.Single(await OutboxAsync(data));
        Assert.Equal("manajer@example.id", message.Recipient);
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(message.Parameters)!;
        Assert.Equal(("MRR dan ARPU", "Juli 2025"), (values["laporan"], values["periode"]));
        Assert.EndsWith("/reports/customers?from=2025-07&to=2025-07", values["link_laporan"], StringComparison.Ordinal);
        var file = Assert.Single(message.Attachments);
        Assert.Equal(("mrr-2025-07-2025-07.xlsx", ExportFormats.ContentType(ExportFormat.Xlsx)), (file.FileName, file.ContentType));
        var cells = SavedReportTestData.XlsxTexts(file.Content);
        Assert.Contains("MRR dan Pendapatan Berulang", cells);
        // July: no invoices yet, so June's 1,200,000 opens the month and all of it churned: July's row after its heading.
        var july = cells.IndexOf("Juli 2025");
        Assert.Equal(["Juli 2025", "1200000.00", "0", "0", "0", "0", "1200000.00", "0", "0"], cells[july..(july + 9)]);
        await using var check = data.Database.CreateDbContext();
        Assert.Contains("Dilewati: Pengguna noc (tidak berhak membaca laporan ini).", (await check.ReportDeliveries.SingleAsync()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_uptime_goes_to_reports_read_or_network_read_and_skips_a_recipient_with_neither()
    {
        await using var data = await SavedReportTestData.StartAsync(database, April);
        await NetworkReportData.SeedAsync(database);
        var manager = await data.UserAsync("manajer", Roles.Manager);
        var finance = await data.UserAsync("keuangan", Roles.Finance);
        var noc = await data.UserAsync("noc", Roles.Noc);
        var staff = await data.UserAsync("staf", Roles.Staff);
        var id = await SaveAsync(data, manager, "Uptime bulan lalu", "uptime", RelativePeriod.LastMonth, null);
        await ScheduleAsync(data, manager, id, ExportFormat.Pdf, finance, noc, staff);
        data.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await RunAsync(data));

        var messages = await OutboxAsync(data);
        Assert.Equal(["keuangan@example.id", "noc@example.id"], messages.Select(m => m.Recipient).Order());
        Assert.Equal("uptime-2025-03-01-2025-03-31.pdf", messages[0].Attachments.Single().FileName);
        await using var db = data.Database.CreateDbContext();
        var delivery = await db.ReportDeliveries.SingleAsync();
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Contains("Dilewati: Pengguna staf (tidak berhak membaca laporan ini).", delivery.Message, StringComparison.Ordinal);
    }

    private static async Task ScheduleAsync(SavedReportTestData data, Actor owner, int id, ExportFormat format, params Actor[] recipients)
    {
        data.ActAs(owner);
        var schedule = await data.UseAsync(sp => sp.GetRequiredService<ReportSchedules>()
            .SaveAsync(id, null, new ScheduleInput(ScheduleFrequency.Monthly, 2, 8, format, [.. recipients.Select(r => r.UserId!.Value)])));
        Assert.True(schedule.Succeeded, schedule.FirstError);
        data.ActAs(Actor.System);
    }

    private static Task<int> RunAsync(SavedReportTestData data) => data.UseAsync(sp => sp.GetRequiredService<DeliverSavedReports>().RunDueAsync());

    private static async Task<List<Core.Notifications.OutboxMessage>> OutboxAsync(SavedReportTestData data)
    {
        await using var db = data.Database.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).OrderBy(m => m.Id).ToListAsync();
    }

    private static async Task<int> SaveAsync(SavedReportTestData data, Actor owner, string name, string key, RelativePeriod period, string? query)
    {
        data.ActAs(owner);
        var saved = await data.UseAsync(sp => sp.GetRequiredService<SavedReports>().SaveAsync(null, new SavedReportInput(name, key, period, query)));
        Assert.True(saved.Succeeded, saved.FirstError);
        return saved.Value;
    }

    /// <summary>The saved report as the catalog renders it for the current actor.</summary>
    private static async Task<ReportTable> RenderAsync(SavedReportTestData data, int id)
    {
        await using var db = data.Database.CreateDbContext();
        var report = await db.SavedReports.AsNoTracking().SingleAsync(r => r.Id == id);
        var table = await data.UseAsync(sp => sp.GetRequiredService<ReportCatalog>().Find(report.ReportKey)!.TableAsync(report.Filters));
        Assert.True(table.Succeeded, table.FirstError);
        return table.Value!;
    }

    private static string Text(ReportTable table) => string.Join("\n",
        new[] { $"{table.Title}|{table.Period}|{table.FileName}", string.Join("|", table.Columns.Select(c => c.Header)) }
            .Concat(table.Rows.Select(r => string.Join("|", r.Cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture))))));
}
