using System.Text.RegularExpressions;
using IspPortal.Core.Customers.Registration;

namespace IspPortal.Tests.Customers;

public sealed partial class GeneratedCredentialsTests
{
    [Fact]
    public void Usernames_are_the_router_code_and_a_free_three_digit_number()
    {
        var taken = Enumerable.Range(100, 899).Select(n => $"CKP{n}").ToHashSet();

        var picked = PppoeCredentials.PickUsername("CKP", taken);

        Assert.Equal("CKP999", picked);
    }

    [Fact]
    public void Usernames_are_random_and_never_taken()
    {
        var taken = new HashSet<string> { "MLGT100", "MLGT500" };

        var picks = Enumerable.Range(0, 200).Select(_ => PppoeCredentials.PickUsername("MLGT", taken)!).ToList();

        Assert.All(picks, p => Assert.Matches(UsernamePattern(), p));
        Assert.DoesNotContain(picks, taken.Contains);
        Assert.True(picks.Distinct().Count() > 100, "random over 898 free numbers, not sequential");
    }

    [Fact]
    public void When_all_900_numbers_are_taken_there_is_no_username()
    {
        var taken = Enumerable.Range(100, 900).Select(n => $"CKP{n}").ToHashSet();

        Assert.Null(PppoeCredentials.PickUsername("CKP", taken));
    }

    [Fact]
    public void Passwords_are_8_alphanumerics_with_a_letter_and_a_digit_and_do_not_repeat()
    {
        var passwords = Enumerable.Range(0, 2_000).Select(_ => PppoeCredentials.NewPassword()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Matches(PasswordPattern(), p);
            Assert.Contains(p, char.IsAsciiLetter);
            Assert.Contains(p, char.IsAsciiDigit);
        });
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(passwords, p => p.Any(char.IsAsciiLetterUpper));
        Assert.Contains(passwords, p => p.Any(char.IsAsciiLetterLower));
    }

    [Theory]
    [InlineData(null, "KCB-CKP010225-001")]
    [InlineData("KCB-CKP010225-001", "KCB-CKP010225-002")]
    [InlineData("KCB-CKP010225-099", "KCB-CKP010225-100")]
    [InlineData("KCB-CKP010225-998", "KCB-CKP010225-999")]
    public void Customer_codes_count_per_location_router_and_day(string? last, string expected)
    {
        var prefix = CustomerCode.Prefix("KCB", "CKP", new DateOnly(2025, 2, 1));

        Assert.Equal(expected, CustomerCode.Format(prefix, CustomerCode.Next(prefix, last)!.Value));
    }

    [Fact]
    public void A_day_with_999_codes_is_full()
    {
        var prefix = CustomerCode.Prefix("KCB", "CKP", new DateOnly(2025, 2, 1));

        Assert.Null(CustomerCode.Next(prefix, prefix + "999"));
    }

    [GeneratedRegex("^MLGT[1-9][0-9]{2}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex("^[A-Za-z0-9]{8}$")]
    private static partial Regex PasswordPattern();
}
