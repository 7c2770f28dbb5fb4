using IspPortal.Core.Finance;
using IspPortal.Core.Finance.Assets;

namespace IspPortal.Tests.Finance;

/// <summary>The schedules against tables computed by hand (see each test's comment).</summary>
public sealed class DepreciationScheduleTests
{
    [Fact]
    public void Straight_line_rounds_each_month_and_the_last_month_takes_the_remainder()
    {
        // (10.000.000 − 1.000.000) / 7 = 1.285.714,29 → 1.285.714 a month; 6 × 1.285.714 = 7.714.284;
        // the 7th month takes 9.000.000 − 7.714.284 = 1.285.716. Bought in August: September is month 1.
        var schedule = DepreciationSchedule.For(new DepreciationPlan(new DateOnly(2026, 8, 15), 10_000_000m, 1_000_000m, 7, DepreciationMethod.StraightLine));

        Assert.Equal(
            [
                (new DateOnly(2026, 9, 30), 1_285_714m, 1_285_714m, 8_714_286m),
                (new DateOnly(2026, 10, 31), 1_285_714m, 2_571_428m, 7_428_572m),
                (new DateOnly(2026, 11, 30), 1_285_714m, 3_857_142m, 6_142_858m),
                (new DateOnly(2026, 12, 31), 1_285_714m, 5_142_856m, 4_857_144m),
                (new DateOnly(2027, 1, 31), 1_285_714m, 6_428_570m, 3_571_430m),
                (new DateOnly(2027, 2, 28), 1_285_714m, 7_714_284m, 2_285_716m),
                (new DateOnly(2027, 3, 31), 1_285_716m, 9_000_000m, 1_000_000m),
            ],
            schedule.Select(m => (m.MonthEnd, m.Amount, m.Accumulated, m.BookValue)));
    }

    [Fact]
    public void Straight_line_never_books_more_than_is_left_when_rounding_up()
    {
        // 4 / 6 = 0,67 → 1 a month: four months use it up, the fifth and the last book nothing.
        var schedule = DepreciationSchedule.For(new DepreciationPlan(new DateOnly(2026, 1, 31), 10m, 6m, 6, DepreciationMethod.StraightLine));

        Assert.Equal([1m, 1m, 1m, 1m, 0m, 0m], schedule.Select(m => m.Amount));
        Assert.Equal(6m, schedule[^1].BookValue);
    }

    [Fact]
    public void Declining_balance_takes_the_rate_of_the_book_value_and_the_last_month_the_rest()
    {
        // 50% a year = 1/24 a month of the book value at the month's start:
        // 12.000.000 / 24 = 500.000; 11.500.000 / 24 = 479.166,67 → 479.167;
        // 11.020.833 / 24 = 459.201,38 → 459.201; the 4th (last) month books the rest, 10.561.632.
        var schedule = DepreciationSchedule.For(new DepreciationPlan(new DateOnly(2026, 12, 1), 12_000_000m, 0m, 4, DepreciationMethod.DecliningBalance, 50m));

        Assert.Equal(
            [
                (new DateOnly(2027, 1, 31), 500_000m, 500_000m, 11_500_000m),
                (new DateOnly(2027, 2, 28), 479_167m, 979_167m, 11_020_833m),
                (new DateOnly(2027, 3, 31), 459_201m, 1_438_368m, 10_561_632m),
                (new DateOnly(2027, 4, 30), 10_561_632m, 12_000_000m, 0m),
            ],
            schedule.Select(m => (m.MonthEnd, m.Amount, m.Accumulated, m.BookValue)));
    }

    [Fact]
    public void Declining_balance_never_goes_below_the_salvage_value()
    {
        // 100% a year: 1.000.000 / 12 = 83.333; 916.667 / 12 = 76.388,9 → 76.389 but only 16.667 is left above 900.000.
        var schedule = DepreciationSchedule.For(new DepreciationPlan(new DateOnly(2026, 1, 10), 1_000_000m, 900_000m, 6, DepreciationMethod.DecliningBalance, 100m));

        Assert.Equal([83_333m, 16_667m, 0m, 0m, 0m, 0m], schedule.Select(m => m.Amount));
        Assert.All(schedule, m => Assert.True(m.BookValue >= 900_000m));
    }

    [Theory]
    [InlineData(48, 50)]
    [InlineData(96, 25)]
    [InlineData(240, 10)]
    [InlineData(12, 100)]
    public void The_default_declining_rate_is_double_the_straight_line_rate(int months, decimal rate) =>
        Assert.Equal(rate, AssetCategory.DecliningRateFor(months));
}
