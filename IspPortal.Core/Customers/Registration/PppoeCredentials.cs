using System.Security.Cryptography;

namespace IspPortal.Core.Customers.Registration;

/// <summary>Generated PPPoE usernames and passwords: never typed, never guessable from each other.</summary>
public static class PppoeCredentials
{
    public const int FirstNumber = 100;
    public const int LastNumber = 999;
    public const int NumbersPerRouter = LastNumber - FirstNumber + 1;
    public const int PasswordLength = 8;

    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private static readonly char[] Alphabet = (Letters + Digits).ToCharArray();

    /// <summary><c>{ROUTERCODE}{100–999}</c>, a random number not in <paramref name="taken"/>; null when all 900 are used.</summary>
    public static string? PickUsername(string routerCode, IReadOnlySet<string> taken)
    {
        var free = Enumerable.Range(FirstNumber, NumbersPerRouter)
            .Select(n => routerCode + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture))
            .Where(name => !taken.Contains(name))
            .ToList();
        return free.Count == 0 ? null : free[RandomNumberGenerator.GetInt32(free.Count)];
    }

    /// <summary>8 characters of <c>[A-Za-z0-9]</c> from the cryptographic RNG, with at least one letter and one digit.</summary>
    public static string NewPassword()
    {
        while (true)
        {
            var password = new string(RandomNumberGenerator.GetItems<char>(Alphabet, PasswordLength));
            // Rejection keeps every acceptable password equally likely.
            if (password.Any(char.IsAsciiLetter) && password.Any(char.IsAsciiDigit))
                return password;
        }
    }
}
