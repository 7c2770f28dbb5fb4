using IspPortal.Core.Common;
using IspPortal.Core.Finance.Ledger;

namespace IspPortal.Core.Reports.Statements;

/// <summary>A statement's range of days and the ranges it is compared with.</summary>
public readonly record struct DayRange(DateOnly From, DateOnly To)
{
    /// <summary>Starts on the first of a month and ends on the last of one: a month, a quarter, a year.</summary>
    public bool IsWholeMonths => From.Day == 1 && To.AddDays(1).Day == 1;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// The range of the same length just before: as many whole months for whole months (March → February,
    /// Q2 → Q1), else as many days.
    /// </summary>
    public DayRange Previous()
    {
        if (IsWholeMonths)
        {
            var months = (To.Year * 12 + To.Month) - (From.Year * 12 + From.Month) + 1;
            return new DayRange(From.AddMonths(-months), From.AddDays(-1));
        }
        var end = From.AddDays(-1);
        return new DayRange(end.AddDays(1 - Days), end);
    }

    /// <summary>The same range a year earlier; whole months stay whole (February of a leap year ends on the 29th).</summary>
    public DayRange YearBefore() => IsWholeMonths
        ? new DayRange(From.AddMonths(-12), To.AddDays(1).AddMonths(-12).AddDays(-1))
        : new DayRange(From.AddYears(-1), To.AddYears(-1));
}

/// <summary>What every statement checks on its dates, and the drill-down to the account ledger.</summary>
public static class StatementRange
{
    public const int MaxYears = 5;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static FieldErrors Check(DateOnly from, DateOnly to) => new FieldErrors()
        .When(from.Year is < FirstYear or > LastYear, "from", $"Tanggal awal harus antara tahun {FirstYear} dan {LastYear}.")
        .When(to.Year is < FirstYear or > LastYear, "to", $"Tanggal akhir harus antara tahun {FirstYear} dan {LastYear}.")
        .When(to < from, "to", "Tanggal akhir tidak boleh sebelum tanggal awal.")
        .When(to >= from && to > from.AddYears(MaxYears), "to", $"Rentang laporan paling panjang {MaxYears} tahun.");

    public static FieldErrors CheckDate(DateOnly date) => new FieldErrors()
        .When(date.Year is < FirstYear or > LastYear, "to", $"Tanggal harus antara tahun {FirstYear} dan {LastYear}.");

    /// <summary>The account's ledger page (<c>/finance/ledger/{code}?from=&amp;to=</c>) over the statement's days.</summary>
    public static string Ledger(string code, DateOnly from, DateOnly to, LedgerSegment? segment = null) =>
        $"/finance/ledger/{Uri.EscapeDataString(code)}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}{segment?.Query()}";
}
