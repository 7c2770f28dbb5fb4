using IspPortal.Core.Finance.Investments;

namespace IspPortal.Tests.Finance;

/// <summary>
/// The return arithmetic against a table computed by hand: 120.000.000 invested, 15.000.000 revenue and
/// 3.000.000 costs every month from January 2026, so 12.000.000 net a month and payback in month 10.
/// </summary>
public sealed class InvestmentReturnsTests
{
    private static readonly DateOnly Start = new(2026, 1, 10);

    private static IEnumerable<DatedAmount> Monthly(decimal amount, int months) =>
        Enumerable.Range(0, months).Select(m => new DatedAmount(new DateOnly(2026, 1, 15).AddMonths(m), amount));

    [Fact]
    public void A_year_of_steady_months_pays_back_in_month_ten_with_an_roi_of_120_percent()
    {
        var result = InvestmentReturns.Compute(Start, new DateOnly(2026, 12, 31), 120_000_000m, Monthly(15_000_000m, 12), Monthly(3_000_000m, 12));

        Assert.Equal((180_000_000m, 36_000_000m, 144_000_000m), (result.Revenue, result.Costs, result.Net));
        Assert.Equal(120.00m, result.RoiPercent);
        Assert.Equal(10, result.PaybackMonths);
        Assert.Equal(12, result.Months.Count);
        Assert.Equal(new InvestmentMonth(new DateOnly(2026, 1, 1), 15_000_000m, 3_000_000m, 12_000_000m, 12_000_000m), result.Months[0]);
        Assert.Equal(new InvestmentMonth(new DateOnly(2026, 9, 1), 15_000_000m, 3_000_000m, 12_000_000m, 108_000_000m), result.Months[8]);
        Assert.Equal(new InvestmentMonth(new DateOnly(2026, 10, 1), 15_000_000m, 3_000_000m, 12_000_000m, 120_000_000m), result.Months[9]);
        Assert.Equal(144_000_000m, result.Months[^1].Cumulative);
    }

    [Theory]
    [InlineData(6, 60.00, null)]
    [InlineData(9, 90.00, null)]
    [InlineData(10, 100.00, 10)]
    [InlineData(11, 110.00, 10)]
    public void Roi_and_payback_after_n_months(int months, double roi, int? payback)
    {
        var through = new DateOnly(2026, 1, 1).AddMonths(months).AddDays(-1);

        var result = InvestmentReturns.Compute(Start, through, 120_000_000m, Monthly(15_000_000m, 12), Monthly(3_000_000m, 12));

        Assert.Equal(months, result.Months.Count);
        Assert.Equal((decimal)roi, result.RoiPercent);
        Assert.Equal(payback, result.PaybackMonths);
    }

    [Fact]
    public void Amounts_before_the_start_count_in_the_start_month_and_after_through_are_ignored()
    {
        var revenue = new[]
        {
            new DatedAmount(new DateOnly(2025, 11, 20), 1_000_000m),
            new DatedAmount(new DateOnly(2026, 1, 5), 2_000_000m),
            new DatedAmount(new DateOnly(2026, 2, 28), 4_000_000m),
            new DatedAmount(new DateOnly(2026, 3, 1), 8_000_000m),
        };
        var costs = new[] { new DatedAmount(new DateOnly(2025, 12, 31), 500_000m), new DatedAmount(new DateOnly(2026, 3, 2), 9_000_000m) };

        var result = InvestmentReturns.Compute(Start, new DateOnly(2026, 3, 1), 10_000_000m, revenue, costs);

        Assert.Equal(
            [
                new InvestmentMonth(new DateOnly(2026, 1, 1), 3_000_000m, 500_000m, 2_500_000m, 2_500_000m),
                new InvestmentMonth(new DateOnly(2026, 2, 1), 4_000_000m, 0m, 4_000_000m, 6_500_000m),
                new InvestmentMonth(new DateOnly(2026, 3, 1), 8_000_000m, 0m, 8_000_000m, 14_500_000m),
            ], result.Months);
        Assert.Equal((15_000_000m, 500_000m, 145.00m, 3), (result.Revenue, result.Costs, result.RoiPercent, result.PaybackMonths));
    }

    [Fact]
    public void Nothing_invested_has_no_roi_and_no_payback()
    {
        var result = InvestmentReturns.Compute(Start, new DateOnly(2026, 12, 31), 0m, Monthly(15_000_000m, 12), Monthly(3_000_000m, 12));

        Assert.Equal((144_000_000m, (decimal?)null, (int?)null), (result.Net, result.RoiPercent, result.PaybackMonths));
    }

    [Fact]
    public void Roi_is_rounded_to_two_decimals_and_a_loss_is_negative()
    {
        var third = InvestmentReturns.Compute(Start, new DateOnly(2026, 1, 31), 300_000_000m, [new(Start, 100_000_000m)], []);
        var loss = InvestmentReturns.Compute(Start, new DateOnly(2026, 2, 28), 50_000_000m, [new(Start, 1_000_000m)], [new(new DateOnly(2026, 2, 1), 6_000_000m)]);

        Assert.Equal(33.33m, third.RoiPercent);
        Assert.Equal((-10.00m, -5_000_000m, (int?)null), (loss.RoiPercent, loss.Months[^1].Cumulative, loss.PaybackMonths));
    }

    [Fact]
    public void Months_without_movement_are_listed_with_zeros()
    {
        var result = InvestmentReturns.Compute(Start, new DateOnly(2026, 4, 30), 1_000m, [new(new DateOnly(2026, 3, 3), 700m)], []);

        Assert.Equal([0m, 0m, 700m, 0m], result.Months.Select(m => m.Revenue));
        Assert.Equal([0m, 0m, 700m, 700m], result.Months.Select(m => m.Cumulative));
    }
}
