using System.Security.Cryptography;
using System.Text;

namespace IspPortal.Core.Identity.ApiKeys;

/// <summary>
/// The key text handed out once: <c>isp_{prefix}{secret}</c>. The prefix finds the row; only a
/// SHA-256 of the whole key is stored (keys are random, so a slow hash adds nothing).
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "isp_";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int SecretLength = 40;

    public static string Generate() =>
        Marker + RandomNumberGenerator.GetString(Alphabet, ApiKey.PrefixLength + SecretLength);

    public static string? PrefixOf(string key) =>
        key.StartsWith(Marker, StringComparison.Ordinal) && key.Length == Marker.Length + ApiKey.PrefixLength + SecretLength
            ? key.Substring(Marker.Length, ApiKey.PrefixLength)
            : null;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
