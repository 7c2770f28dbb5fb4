using IspPortal.Core.Customers.Registration;

namespace IspPortal.Tests.Customers;

public sealed class IndonesianPhoneTests
{
    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("+62 (812) 3456.7890", "+6281234567890")]
    [InlineData(" 0812 3456 789 ", "+628123456789")]
    [InlineData("0856123456", "+62856123456")]
    [InlineData("+62812345678901", "+62812345678901")]
    public void Numbers_as_agents_type_them_become_e164(string input, string expected)
    {
        var (e164, error) = IndonesianPhone.Normalise(input);

        Assert.Null(error);
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("", "wajib")]
    [InlineData("0812-abc-4567", "hanya boleh berisi angka")]
    [InlineData("0812+34567890", "hanya boleh berisi angka")]
    [InlineData("+6012345678", "awali dengan 08, 628 atau +628")]
    [InlineData("812345678", "awali dengan 08, 628 atau +628")]
    [InlineData("+0812345678", "awali dengan 08, 628 atau +628")]
    [InlineData("0218765432", "seluler")]
    [InlineData("08123456", "terlalu pendek")]
    [InlineData("0812345678901234", "terlalu panjang")]
    public void Other_numbers_are_refused_with_the_reason(string input, string reason)
    {
        var (e164, error) = IndonesianPhone.Normalise(input);

        Assert.Null(e164);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void E164_is_shown_in_groups()
    {
        Assert.Equal("+62 812-3456-7890", IndonesianPhone.Format("+6281234567890"));
    }
}
