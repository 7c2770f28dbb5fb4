namespace IspPortal.Core.Finance.Assets;

/// <summary>What an asset's depreciation depends on.</summary>
/// <param name="DecliningRate">Yearly rate in percent, for <see cref="DepreciationMethod.DecliningBalance"/>.</param>
public sealed record DepreciationPlan(DateOnly PurchaseDate, decimal Cost, decimal SalvageValue, int UsefulLifeMonths, DepreciationMethod Method, decimal? DecliningRate = null)
{
    public static DepreciationPlan Of(Asset asset) =>
        new(asset.PurchaseDate, asset.PurchaseCost, asset.SalvageValue, asset.UsefulLifeMonths, asset.DepreciationMethod, asset.DecliningRate);
}

/// <summary>One month of a schedule: its depreciation and the totals after it.</summary>
public sealed record DepreciationMonth(int Number, DateOnly MonthEnd, decimal Amount, decimal Accumulated, decimal BookValue)
{
    public DateOnly Month => new(MonthEnd.Year, MonthEnd.Month, 1);
}

/// <summary>
/// An asset's monthly depreciation, as a pure function of its plan:
/// <list type="bullet">
/// <item>It starts the month after the purchase (the purchase month is not a full month of use) and
/// runs <see cref="DepreciationPlan.UsefulLifeMonths"/> months.</item>
/// <item>Straight line: (cost − salvage) / life each month, rounded to whole rupiah (half away from
/// zero), never more than what is left; the last month takes the remainder, so the months add up
/// to cost − salvage exactly.</item>
/// <item>Declining balance: book value at the start of the month × yearly rate / 12, rounded the
/// same way, never below the salvage value; there is no switch to straight line, and the last month
/// of the life takes what is left down to the salvage value (as PPh rules book the remaining book
/// value of a declining-balance asset at the end of its life).</item>
/// </list>
/// Both end exactly at the salvage value after the life.
/// </summary>
public static class DepreciationSchedule
{
    public static IReadOnlyList<DepreciationMonth> For(DepreciationPlan plan)
    {
        if (plan.UsefulLifeMonths <= 0)
            return [];
        var depreciable = plan.Cost - plan.SalvageValue;
        var straight = Whole(depreciable / plan.UsefulLifeMonths);
        var monthlyRate = (plan.DecliningRate ?? 0) / 100m / 12m;
        var months = new List<DepreciationMonth>(plan.UsefulLifeMonths);
        var accumulated = 0m;
        var first = new DateOnly(plan.PurchaseDate.Year, plan.PurchaseDate.Month, 1).AddMonths(1);
        for (var number = 1; number <= plan.UsefulLifeMonths; number++)
        {
            var left = depreciable - accumulated;
            var amount = number == plan.UsefulLifeMonths
                ? left
                : Math.Min(left, plan.Method == DepreciationMethod.StraightLine ? straight : Whole((plan.Cost - accumulated) * monthlyRate));
            accumulated += amount;
            months.Add(new DepreciationMonth(number, MonthEnd(first.AddMonths(number - 1)), amount, accumulated, plan.Cost - accumulated));
        }
        return months;
    }

    public static DateOnly MonthEnd(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);

    private static decimal Whole(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero);
}
