namespace IspPortal.Core.Finance.Investments;

/// <summary>One month of an investment: revenue earned, costs, their difference and the running total.</summary>
public sealed record InvestmentMonth(DateOnly Month, decimal Revenue, decimal Costs, decimal Net, decimal Cumulative);

/// <param name="RoiPercent">(revenue − costs) / invested × 100, rounded to two decimals; null while nothing is invested.</param>
/// <param name="PaybackMonths">The number of the first month (1 = the start month) whose cumulative net cash flow reaches the invested amount; null until then.</param>
public sealed record InvestmentReturn(decimal Invested, decimal Revenue, decimal Costs, decimal? RoiPercent, int? PaybackMonths, IReadOnlyList<InvestmentMonth> Months)
{
    public decimal Net => Revenue - Costs;
}

/// <summary>An amount that belongs to a day (a revenue line, an expense, a month's depreciation).</summary>
public readonly record struct DatedAmount(DateOnly Date, decimal Amount);

/// <summary>
/// The return of an investment from what belongs to it: revenue and costs per month from the start
/// month through the last month, ROI on the invested amount, and the payback month. Pure arithmetic;
/// <see cref="InvestmentBook"/> reads the amounts from the ledger, expenses and assets.
/// </summary>
public static class InvestmentReturns
{
    /// <param name="start">The investment's start; an amount dated before it counts in the start month.</param>
    /// <param name="through">The last day counted (today); amounts after it are ignored.</param>
    /// <param name="invested">Cost of the linked assets plus the capital expenses tagged.</param>
    public static InvestmentReturn Compute(DateOnly start, DateOnly through, decimal invested, IEnumerable<DatedAmount> revenue, IEnumerable<DatedAmount> costs)
    {
        var first = new DateOnly(start.Year, start.Month, 1);
        var last = new DateOnly(through.Year, through.Month, 1);
        var byMonth = new SortedDictionary<DateOnly, (decimal Revenue, decimal Costs)>();
        for (var month = first; month <= last; month = month.AddMonths(1))
            byMonth[month] = (0m, 0m);
        foreach (var item in revenue.Where(r => r.Date <= through))
        {
            var month = MonthOf(item.Date, first);
            byMonth[month] = (byMonth[month].Revenue + item.Amount, byMonth[month].Costs);
        }
        foreach (var item in costs.Where(c => c.Date <= through))
        {
            var month = MonthOf(item.Date, first);
            byMonth[month] = (byMonth[month].Revenue, byMonth[month].Costs + item.Amount);
        }

        var months = new List<InvestmentMonth>(byMonth.Count);
        var cumulative = 0m;
        int? payback = null;
        foreach (var (month, (monthRevenue, monthCosts)) in byMonth)
        {
            var net = monthRevenue - monthCosts;
            cumulative += net;
            months.Add(new InvestmentMonth(month, monthRevenue, monthCosts, net, cumulative));
            if (payback is null && invested > 0 && cumulative >= invested)
                payback = months.Count;
        }
        var totalRevenue = months.Sum(m => m.Revenue);
        var totalCosts = months.Sum(m => m.Costs);
        decimal? roi = invested > 0 ? Math.Round((totalRevenue - totalCosts) / invested * 100m, 2, MidpointRounding.AwayFromZero) : null;
        return new InvestmentReturn(invested, totalRevenue, totalCosts, roi, payback, months);
    }

    private static DateOnly MonthOf(DateOnly day, DateOnly first)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        return month < first ? first : month;
    }
}
