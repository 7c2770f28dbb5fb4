namespace IspPortal.Core.Common;

/// <summary>
/// The whole calendar months inside a range of days, <see cref="From"/> (a first of the month) up to but not including
/// <see cref="Until"/>: a report reads month totals for them and rows only for the partial days at the range's edges.
/// </summary>
public readonly record struct WholeMonths(DateOnly From, DateOnly Until)
{
    /// <param name="first">The range's first day; null for everything before <paramref name="last"/>.</param>
    public static WholeMonths Within(DateOnly? first, DateOnly last) => new(
        first is not { } start ? DateOnly.MinValue : start.Day == 1 ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1),
        last.AddDays(1).Day == 1 ? last.AddDays(1) : new DateOnly(last.Year, last.Month, 1));

    public bool Any => From < Until;
}
