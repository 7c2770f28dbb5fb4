using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Revenue;

namespace IspPortal.Core.Reports.Exports;

/// <summary>
/// The revenue reports as <see cref="ReportTable"/>s, as their page shows them: the MRR movement per month then the package,
/// location and router mix of the last month; the customers per month; the cohort retention (its own table: other columns).
/// </summary>
public static class RevenueTables
{
    private const string NoRouter = "Tanpa router";

    public static ReportTable Mrr(MrrView view)
    {
        ReportColumn[] columns =
        [
            new("Bulan", ColumnKind.Text, 22), new("MRR awal", ColumnKind.Money, 16), new("Baru", ColumnKind.Money, 14),
            new("Reaktivasi", ColumnKind.Money, 14), new("Ekspansi", ColumnKind.Money, 14), new("Kontraksi", ColumnKind.Money, 14),
            new("Berhenti", ColumnKind.Money, 14), new("MRR", ColumnKind.Money, 16), new("Pelanggan aktif", ColumnKind.Count, 12),
            new("ARPU", ColumnKind.Money, 14), new("Porsi", ColumnKind.Percent, 10),
        ];
        return new ReportTable("MRR dan Pendapatan Berulang", Period(view.From, view.To), $"mrr-{Month(view.From)}-{Month(view.To)}", columns, MrrRows(view));
    }

    public static ReportTable Churn(ChurnView view)
    {
        ReportColumn[] columns =
        [
            new("Bulan", ColumnKind.Text, 16), new("Aktif awal", ColumnKind.Count, 12), new("Baru", ColumnKind.Count, 10),
            new("Reaktivasi", ColumnKind.Count, 10), new("Berhenti", ColumnKind.Count, 10), new("Churn rate", ColumnKind.Percent, 11),
            new("Pertumbuhan bersih", ColumnKind.Count, 12), new("Aktif akhir", ColumnKind.Count, 12),
            new("Terdaftar", ColumnKind.Count, 11), new("Diputus", ColumnKind.Count, 11),
        ];
        var rows = view.Months.Select(m => new ReportRow(
            [Name(m.Month), m.ActiveStart, m.NewCustomers, m.ReactivatedCustomers, m.ChurnedCustomers, m.ChurnRate, m.NetGrowth, m.ActiveEnd, m.Registered, m.Terminated]));
        return new ReportTable("Pelanggan dan Churn", Period(view.From, view.To), $"churn-{Month(view.From)}-{Month(view.To)}", columns, rows);
    }

    public static ReportTable Cohorts(ChurnView view)
    {
        ReportColumn[] columns =
        [
            new("Kohort", ColumnKind.Text, 16), new("Pelanggan", ColumnKind.Count, 11),
            .. Enumerable.Range(0, CustomerChurn.CohortMonths).Select(k => new ReportColumn($"Bulan {k}", ColumnKind.Percent, 9)),
        ];
        var rows = view.Cohorts.Select(c => new ReportRow([Name(c.Cohort), c.Size, .. c.Retention.Cast<object?>()]));
        return new ReportTable("Retensi Kohort Pelanggan", Period(view.From, view.To), $"kohort-{Month(view.From)}-{Month(view.To)}", columns, rows);
    }

    private static IEnumerable<ReportRow> MrrRows(MrrView view)
    {
        foreach (var m in view.Months)
            yield return new ReportRow([Name(m.Month), m.Opening, m.New, m.Reactivated, m.Expansion, m.Contraction, m.Churned, m.Mrr, m.ActiveCustomers, m.Arpu, null]);
        foreach (var (title, lines) in new[] { ("Paket", view.Packages), ("Lokasi", view.Locations), ("Router", view.Routers) })
        {
            yield return ReportRow.Heading(11, 0, $"{title} – {Name(view.MixMonth)}");
            foreach (var line in lines)
                yield return new ReportRow([line.Id is null && title == "Router" ? NoRouter : line.Name, null, null, null, null, null, null, line.Mrr, line.Customers, line.Arpu, line.Share], Indent: 1);
        }
    }

    /// <summary>"Februari 2025".</summary>
    public static string Name(DateOnly month) => month.ToString("MMMM yyyy", Rupiah.Indonesia);

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Period(DateOnly from, DateOnly to) => from == to ? $"Bulan {Name(from)}" : $"Periode {Name(from)} – {Name(to)}";
}
