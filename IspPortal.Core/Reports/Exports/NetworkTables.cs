using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Network;

namespace IspPortal.Core.Reports.Exports;

/// <summary>
/// The network reports as <see cref="ReportTable"/>s: uptime (the network's figure, then per router, the outages by customer-minutes
/// lost and the customers with the most outage) and bandwidth (per router, busiest first). Percent cells are fractions (0.995 = 99,5 %).
/// </summary>
public static class NetworkTables
{
    private const int Columns = 6;

    public static ReportTable Uptime(UptimeView view)
    {
        ReportColumn[] columns =
        [
            new("Kode", ColumnKind.Text, 14), new("Nama", ColumnKind.Text, 36), new("Uptime", ColumnKind.Percent, 12),
            new("Menit gangguan", ColumnKind.Money, 16), new("Jumlah gangguan / pelanggan", ColumnKind.Money, 16), new("Menit-pelanggan hilang", ColumnKind.Money, 18),
        ];
        return new ReportTable("Uptime Jaringan", $"Periode {Range(view.From, view.To)}", $"uptime-{Iso(view.From)}-{Iso(view.To)}", columns, UptimeRows(view));
    }

    public static ReportTable Bandwidth(BandwidthView view)
    {
        ReportColumn[] columns =
        [
            new("Kode", ColumnKind.Text, 10), new("Router", ColumnKind.Text, 28), new("Kapasitas (Mbps)", ColumnKind.Money, 14),
            new("Rx rata-rata (Mbps)", ColumnKind.Money, 14), new("Rx p95 (Mbps)", ColumnKind.Money, 14), new("Rx puncak (Mbps)", ColumnKind.Money, 14),
            new("Tx rata-rata (Mbps)", ColumnKind.Money, 14), new("Tx p95 (Mbps)", ColumnKind.Money, 14), new("Tx puncak (Mbps)", ColumnKind.Money, 14),
            new("Utilisasi p95", ColumnKind.Percent, 12),
        ];
        return new ReportTable("Bandwidth", $"Periode {Range(view.From, view.To)}", $"bandwidth-{Iso(view.From)}-{Iso(view.To)}", columns,
            view.Routers.Select(r => new ReportRow([r.Code, r.CapacityMbps is null ? $"{r.Name} (kapasitas belum diisi)" : r.Name, (decimal?)r.CapacityMbps,
                Mbps(r.RxAvgBps), Mbps(r.RxP95Bps), Mbps(r.RxPeakBps), Mbps(r.TxAvgBps), Mbps(r.TxP95Bps), Mbps(r.TxPeakBps), Fraction(r.UtilizationP95)])));
    }

    private static IEnumerable<ReportRow> UptimeRows(UptimeView view)
    {
        yield return new ReportRow([null, $"Uptime jaringan ({view.CustomerCount} pelanggan)", Fraction(view.UptimePercent), null, null, null], Bold: true);
        yield return ReportRow.Heading(Columns, 1, "Router");
        foreach (var r in view.Routers)
            yield return new ReportRow([r.Code, r.Name, Fraction(r.UptimePercent), r.OutageMinutes, (decimal)r.Outages, null], Indent: 1);
        yield return ReportRow.Heading(Columns, 1, "Gangguan menurut menit-pelanggan hilang");
        foreach (var o in view.Outages)
            yield return new ReportRow([o.RouterCode, $"{(o.Kind == OutageKinds.Mass ? "Gangguan massal" : "Router tak terjangkau")} {Moment(o.OpenedAt)}",
                null, o.Minutes, o.Customers, o.CustomerMinutes], Indent: 1);
        yield return ReportRow.Heading(Columns, 1, "Pelanggan");
        foreach (var c in view.Customers)
            yield return new ReportRow([c.Code, c.Name, Fraction(c.UptimePercent), c.OutageMinutes, null, null], Indent: 1);
    }

    private static decimal? Fraction(decimal? percent) => percent / 100m;

    private static decimal? Mbps(double? bps) => bps is { } b ? Math.Round((decimal)(b / 1_000_000d), 2, MidpointRounding.AwayFromZero) : null;

    private static string Moment(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Range(DateOnly from, DateOnly to) =>
        $"{from.ToString(DisplayFormats.Date, CultureInfo.InvariantCulture)} – {to.ToString(DisplayFormats.Date, CultureInfo.InvariantCulture)}";
}
