using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Receivables;

namespace IspPortal.Core.Reports.Exports;

/// <summary>The aging as a <see cref="ReportTable"/>: one row per customer with a column per bucket and the total, then the total row.</summary>
public static class AgingTables
{
    public static ReportTable Aging(AgingView view) =>
        new("Umur Piutang", Period(view.AsOf), FileName(view.AsOf), Columns, Rows(view));

    /// <summary>The same table with its customer rows as they are read; the total row sums them on the way.</summary>
    public static ReportTable Streamed(DateOnly asOf, IAsyncEnumerable<AgingRow> rows) =>
        ReportTable.Streamed("Umur Piutang", Period(asOf), FileName(asOf), Columns, RowsAsync(rows));

    private static readonly ReportColumn[] Columns =
    [
        new("Kode", ColumnKind.Text, 18), new("Pelanggan", ColumnKind.Text, 30), new("Lokasi", ColumnKind.Text, 18),
        .. AgingBuckets.Names.Select(name => new ReportColumn(name, ColumnKind.Money, 16)),
        new("Total", ColumnKind.Money, 18),
    ];

    private static string Period(DateOnly asOf) => $"Per {asOf.ToString(DisplayFormats.Date, CultureInfo.InvariantCulture)}";

    private static string FileName(DateOnly asOf) => $"piutang-{asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static IEnumerable<ReportRow> Rows(AgingView view)
    {
        foreach (var row in view.Rows)
            yield return Customer(row);
        yield return Total([.. view.Buckets.Select(b => b.Amount)], view.Total);
    }

    private static async IAsyncEnumerable<ReportRow> RowsAsync(IAsyncEnumerable<AgingRow> rows)
    {
        var buckets = new decimal[AgingBuckets.Names.Count];
        await foreach (var row in rows)
        {
            for (var i = 0; i < buckets.Length; i++)
                buckets[i] += row.Amounts[i];
            yield return Customer(row);
        }
        yield return Total(buckets, buckets.Sum());
    }

    private static ReportRow Customer(AgingRow row) => new([row.Code, row.Name, row.Location, .. row.Amounts.Cast<object?>(), row.Total]);

    private static ReportRow Total(IReadOnlyList<decimal> buckets, decimal total) => new([null, "Total", null, .. buckets.Cast<object?>(), total], Bold: true);
}
