using System.Text;

namespace IspPortal.Core.Identity.TwoFactor;

/// <summary>How an authenticator app is told the key: the otpauth URI in the QR code and the key in readable groups.</summary>
public static class Authenticator
{
    public const string Issuer = "IspPortal";
    public const int RecoveryCodeCount = 10;

    public static string Uri(string userName, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(userName)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    public static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return grouped.ToString().ToLowerInvariant();
    }

    /// <summary>What the user typed, without the spaces and dashes apps and people put in.</summary>
    public static string Clean(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}
