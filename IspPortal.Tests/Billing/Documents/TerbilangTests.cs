using IspPortal.Core.Billing.Documents;

namespace IspPortal.Tests.Billing.Documents;

public sealed class TerbilangTests
{
    public static TheoryData<decimal, string> Amounts() => new()
    {
        { 0m, "nol rupiah" },
        { 1m, "satu rupiah" },
        { 10m, "sepuluh rupiah" },
        { 11m, "sebelas rupiah" },
        { 12m, "dua belas rupiah" },
        { 19m, "sembilan belas rupiah" },
        { 20m, "dua puluh rupiah" },
        { 21m, "dua puluh satu rupiah" },
        { 99m, "sembilan puluh sembilan rupiah" },
        { 100m, "seratus rupiah" },
        { 101m, "seratus satu rupiah" },
        { 111m, "seratus sebelas rupiah" },
        { 200m, "dua ratus rupiah" },
        { 999m, "sembilan ratus sembilan puluh sembilan rupiah" },
        { 1000m, "seribu rupiah" },
        { 1001m, "seribu satu rupiah" },
        { 1100m, "seribu seratus rupiah" },
        { 2000m, "dua ribu rupiah" },
        { 11000m, "sebelas ribu rupiah" },
        { 100000m, "seratus ribu rupiah" },
        { 101000m, "seratus satu ribu rupiah" },
        { 150000m, "seratus lima puluh ribu rupiah" },
        { 555000m, "lima ratus lima puluh lima ribu rupiah" },
        { 1_000_000m, "satu juta rupiah" },
        { 1_000_001m, "satu juta satu rupiah" },
        { 1_500_000m, "satu juta lima ratus ribu rupiah" },
        { 2_011_000m, "dua juta sebelas ribu rupiah" },
        { 21_000_000m, "dua puluh satu juta rupiah" },
        { 100_000_000m, "seratus juta rupiah" },
        { 1_000_000_000m, "satu miliar rupiah" },
        { 1_001_000_000m, "satu miliar satu juta rupiah" },
        { 999_999_999_999m, "sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan rupiah" },
        { 1_000_000_000_000m, "satu triliun rupiah" },
        { 999_000_000_000_000m, "sembilan ratus sembilan puluh sembilan triliun rupiah" },
        { 150_000.00m, "seratus lima puluh ribu rupiah" },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Whole_rupiah_are_written_in_Indonesian_words(decimal amount, string words) =>
        Assert.Equal(words, Terbilang.Rupiah(amount));

    [Theory]
    [InlineData(-1)]
    [InlineData(0.5)]
    [InlineData(150_000.01)]
    [InlineData(1_000_000_000_000_000d)]
    public void Fractions_negatives_and_amounts_beyond_999_triliun_are_refused(double amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Terbilang.Rupiah((decimal)amount));
}
