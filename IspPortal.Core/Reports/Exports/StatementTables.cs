using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Statements;

namespace IspPortal.Core.Reports.Exports;

/// <summary>
/// Each statement as a <see cref="ReportTable"/>, row for row what its page shows: section headings, accounts indented under them,
/// subtotals and totals in bold, and for the P&amp;L the previous period, last year and the budget beside every figure.
/// </summary>
public static class StatementTables
{
    private const int Name = 1;

    public static ReportTable ProfitAndLoss(ProfitAndLossView view)
    {
        List<ReportColumn> columns =
        [
            new("Kode", ColumnKind.Text, 10), new("Akun", ColumnKind.Text, 38), new(Range(view.From, view.To), ColumnKind.Money, 20),
            new($"Periode sebelumnya ({Range(view.PreviousRange.From, view.PreviousRange.To)})", ColumnKind.Money, 20),
            new($"Tahun lalu ({Range(view.LastYearRange.From, view.LastYearRange.To)})", ColumnKind.Money, 20),
        ];
        if (view.HasBudget)
            columns.Add(new("Anggaran", ColumnKind.Money, 20));
        var subtitle = $"Periode {Range(view.From, view.To)}" + (view.SegmentName is { } segment ? $" · {segment} (baris jurnal bertanda saja)" : "");
        return new ReportTable("Laba Rugi", subtitle, $"laba-rugi-{Iso(view.From)}-{Iso(view.To)}", columns, PnlRows(view));
    }

    public static ReportTable BalanceSheet(BalanceSheetView view)
    {
        ReportColumn[] columns = [new("Kode", ColumnKind.Text, 10), new("Akun", ColumnKind.Text, 44), new("Saldo", ColumnKind.Money, 20)];
        return new ReportTable("Neraca", $"Per {Day(view.Date)}", $"neraca-{Iso(view.Date)}", columns, BalanceRows(view));
    }

    public static ReportTable CashFlow(CashFlowView view)
    {
        ReportColumn[] columns = [new("Kode", ColumnKind.Text, 10), new("Akun lawan", ColumnKind.Text, 44), new("Jumlah", ColumnKind.Money, 20)];
        return new ReportTable("Arus Kas", $"Periode {Range(view.From, view.To)}", $"arus-kas-{Iso(view.From)}-{Iso(view.To)}", columns, CashRows(view));
    }

    private static IEnumerable<ReportRow> PnlRows(ProfitAndLossView view)
    {
        ReportRow Figures(string? code, string name, PnlFigures f, int indent, bool bold) => view.HasBudget
            ? new([code, name, f.Amount, f.Previous, f.LastYear, f.Budget], indent, bold)
            : new([code, name, f.Amount, f.Previous, f.LastYear], indent, bold);

        foreach (var section in view.Sections)
        {
            yield return ReportRow.Heading(view.HasBudget ? 6 : 5, Name, section.Title);
            foreach (var line in section.Lines)
                yield return Figures(line.Code, line.Name, line.Figures, 1, bold: false);
            yield return Figures(null, $"Total {section.Title.ToLowerInvariant()}", section.Total, 0, bold: true);
            if (section.Key == "operatingExpense")
                yield return Figures(null, "Laba usaha", view.GrossProfit, 0, bold: true);
        }
        yield return Figures(null, "Laba bersih", view.NetProfit, 0, bold: true);
    }

    private static IEnumerable<ReportRow> BalanceRows(BalanceSheetView view)
    {
        foreach (var section in view.Sections)
        {
            yield return ReportRow.Heading(3, Name, section.Title);
            foreach (var line in section.Lines)
                yield return new ReportRow([line.Code, line.Name, line.Amount], Indent: 1);
            yield return new ReportRow([null, $"Total {section.Title.ToLowerInvariant()}", section.Total], Bold: true);
            if (section.Key == "nonCurrentAssets")
                yield return new ReportRow([null, "Total aset", view.Assets], Bold: true);
        }
        yield return new ReportRow([null, "Total liabilitas dan ekuitas", view.Liabilities + view.Equity], Bold: true);
    }

    private static IEnumerable<ReportRow> CashRows(CashFlowView view)
    {
        foreach (var section in view.Sections)
        {
            yield return ReportRow.Heading(3, Name, section.Title);
            foreach (var line in section.Lines)
                yield return new ReportRow([line.Code, line.Name, line.Amount], Indent: 1);
            yield return new ReportRow([null, "Kas bersih", section.Total], Bold: true);
        }
        yield return new ReportRow([null, "Kenaikan (penurunan) kas bersih", view.NetChange], Bold: true);
        yield return new ReportRow([null, "Kas dan setara kas awal periode", view.Opening]);
        yield return new ReportRow([null, "Kas dan setara kas akhir periode", view.Closing], Bold: true);

        var reconciliation = view.Reconciliation;
        yield return ReportRow.Heading(3, Name, "Rekonsiliasi metode tidak langsung");
        yield return new ReportRow([null, "Laba bersih", reconciliation.NetProfit], Indent: 1);
        yield return new ReportRow([null, "Penyusutan", reconciliation.Depreciation], Indent: 1);
        yield return new ReportRow([null, "Rugi (laba) pelepasan aset", reconciliation.DisposalResults], Indent: 1);
        if (reconciliation.OtherNonCash != 0)
            yield return new ReportRow([null, "Transaksi non-kas lain", reconciliation.OtherNonCash], Indent: 1);
        yield return ReportRow.Heading(3, Name, "Perubahan modal kerja");
        foreach (var line in reconciliation.WorkingCapital)
            yield return new ReportRow([line.Code, line.Name, line.Amount], Indent: 1);
        yield return new ReportRow([null, "Arus kas dari aktivitas operasi", reconciliation.Operating], Bold: true);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString(DisplayFormats.Date, CultureInfo.InvariantCulture);

    private static string Range(DateOnly from, DateOnly to) => $"{Day(from)} – {Day(to)}";
}
