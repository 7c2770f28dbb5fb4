using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Registration;

namespace IspPortal.Core.SelfService.SignIn;

/// <summary>What a customer types to sign in: their customer code, or their WhatsApp number.</summary>
public static class CustomerLogin
{
    public const string Invalid = "Masukkan kode pelanggan atau nomor WhatsApp yang terdaftar.";

    /// <returns>The customer code in capitals or the E.164 number; null when it is neither.</returns>
    public static (string? Login, bool IsPhone) Normalise(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length is 0 or > SelfServiceAttempt.LoginMaxLength)
            return (null, false);
        if (text.Any(char.IsAsciiLetter))
        {
            var code = text.ToUpperInvariant();
            return code.Length <= Customer.CodeMaxLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
                ? (code, false)
                : (null, false);
        }
        var (e164, error) = IndonesianPhone.Normalise(text);
        return error is null ? (e164, true) : (null, false);
    }
}
