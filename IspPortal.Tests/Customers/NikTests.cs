using IspPortal.Core.Customers.Registration;

namespace IspPortal.Tests.Customers;

public sealed class NikTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("3201010501900001", "1990-01-05", false, "Jawa Barat")]
    [InlineData("3201014501900001", "1990-01-05", true, "Jawa Barat")]
    [InlineData("3174097112850123", "1985-12-31", true, "DKI Jakarta")]
    [InlineData("3201012902040001", "2004-02-29", false, "Jawa Barat")]
    [InlineData("9601011505090001", "2009-05-15", false, "Papua Barat Daya")]
    [InlineData("3201011505100001", "1910-05-15", false, "Jawa Barat")]
    [InlineData("3201011505260001", "1926-05-15", false, "Jawa Barat")]
    [InlineData("3201 0105 0190 0001", "1990-01-05", false, "Jawa Barat")]
    [InlineData("32.01.01.050190.0001", "1990-01-05", false, "Jawa Barat")]
    public void A_valid_nik_gives_birth_date_sex_and_province(string input, string birth, bool female, string province)
    {
        var (facts, error) = Nik.Parse(input, Today);

        Assert.Null(error);
        Assert.Equal((DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), female, province), (facts!.BirthDate, facts.Female, facts.Province));
        Assert.Equal(16, facts.Value.Length);
    }

    [Theory]
    [InlineData("", "wajib")]
    [InlineData("320101050190000", "16 digit; yang diisi 15")]
    [InlineData("32010105019000011", "16 digit; yang diisi 17")]
    [InlineData("32010105019000a1", "hanya boleh berisi angka")]
    [InlineData("9901010501900001", "Kode provinsi 99")]
    [InlineData("2001010501900001", "Kode provinsi 20")]
    [InlineData("3201010001900001", "digit 7–8 = 00")]
    [InlineData("3201013201900001", "digit 7–8 = 32")]
    [InlineData("3201014001900001", "digit 7–8 = 40")]
    [InlineData("3201017201900001", "digit 7–8 = 72")]
    [InlineData("3201010513900001", "digit 9–10 = 13")]
    [InlineData("3201010500900001", "digit 9–10 = 00")]
    [InlineData("3201013102900001", "31-02-90")]
    [InlineData("3201012902900001", "29-02-90")]
    [InlineData("3201017102900001", "31-02-90")]
    [InlineData("3201010501900000", "0000")]
    public void An_impossible_nik_is_refused_with_the_reason(string input, string reason)
    {
        var (facts, error) = Nik.Parse(input, Today);

        Assert.Null(facts);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
