using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Receivables;

namespace IspPortal.Core.Reports.Exports;

/// <summary>The aging as a <see cref="ReportTable"/>: one row per customer with a column per bucket and the total, then the total row.</summary>
public static class AgingTables
{
    public static ReportTable Aging(AgingView view)
    {
        ReportColumn[] columns =
        [
            new("Kode", ColumnKind.Text, 18), new("Pelanggan", ColumnKind.Text, 30), new("Lokasi", ColumnKind.Text, 18),
            .. AgingBuckets.Names.Select(name => new ReportColumn(name, ColumnKind.Money, 16)),
            new("Total", ColumnKind.Money, 18),
        ];
        var day = view.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ReportTable("Umur Piutang", $"Per {view.AsOf.ToString(DisplayFormats.Date, CultureInfo.InvariantCulture)}", $"piutang-{day}", columns, Rows(view));
    }

    private static IEnumerable<ReportRow> Rows(AgingView view)
    {
        foreach (var row in view.Rows)
            yield return new ReportRow([row.Code, row.Name, row.Location, .. row.Amounts.Cast<object?>(), row.Total]);
        yield return new ReportRow([null, "Total", null, .. view.Buckets.Select(b => (object?)b.Amount), view.Total], Bold: true);
    }
}
