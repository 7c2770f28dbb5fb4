using IspPortal.Core.Common;
using IspPortal.Core.Reports.Statements;

namespace IspPortal.Core.Reports.Revenue;

/// <summary>
/// Which customers the revenue reports count; null counts every one. Like the aging, the filters select customers by
/// their location, router and package today (a customer who changed package counts under the new one for the whole range).
/// </summary>
public sealed record RevenueFilter(int? LocationId = null, int? RouterId = null, int? PackageId = null)
{
    public static readonly RevenueFilter None = new();
}

/// <summary>A range of whole months, each given by its first day.</summary>
public readonly record struct MonthRange(DateOnly From, DateOnly To)
{
    public const int MaxMonths = 36;
    public const int DefaultMonths = 12;

    /// <summary>The months of the range, in order: From, From + 1, …, To.</summary>
    public IEnumerable<DateOnly> Months
    {
        get
        {
            for (var month = From; month <= To; month = month.AddMonths(1))
                yield return month;
        }
    }

    public int Count => (To.Year * 12 + To.Month) - (From.Year * 12 + From.Month) + 1;

    /// <summary>Any days of the two months, turned into their first days.</summary>
    public static MonthRange Of(DateOnly from, DateOnly to) => new(FirstOf(from), FirstOf(to));

    /// <summary>The last twelve months ending with the month of <paramref name="today"/>.</summary>
    public static MonthRange EndingIn(DateOnly today) => new(FirstOf(today).AddMonths(1 - DefaultMonths), FirstOf(today));

    /// <summary>The months asked for, the missing ones as the API and the page default them: to this month, from eleven months before <c>to</c>.</summary>
    public static MonthRange Within(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? FirstOf(today);
        return new MonthRange(from ?? end.AddMonths(1 - DefaultMonths), end);
    }

    public static DateOnly FirstOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Years 2000–2100, from not after to, at most <see cref="MaxMonths"/> months.</summary>
    public FieldErrors Check() => new FieldErrors()
        .When(From.Year is < StatementRange.FirstYear or > StatementRange.LastYear, "from", $"Bulan awal harus antara tahun {StatementRange.FirstYear} dan {StatementRange.LastYear}.")
        .When(To.Year is < StatementRange.FirstYear or > StatementRange.LastYear, "to", $"Bulan akhir harus antara tahun {StatementRange.FirstYear} dan {StatementRange.LastYear}.")
        .When(To < From, "to", "Bulan akhir tidak boleh sebelum bulan awal.")
        .When(To >= From && Count > MaxMonths, "to", $"Rentang laporan paling panjang {MaxMonths} bulan.");

    /// <summary>Local midnight of the first day of every month of the range and of the month after it, as the UTC moments stored.</summary>
    public IReadOnlyList<DateTimeOffset> Bounds(TimeZoneInfo zone) =>
        [.. Months.Append(To.AddMonths(1)).Select(m => IspClock.StartOfDay(m, zone))];
}
