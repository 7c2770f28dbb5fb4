using System.Net.Mail;
using IspPortal.Core.Common;

namespace IspPortal.Core.Customers;

/// <summary>The one rule for a customer's e-mail address, wherever it is typed (wizard, edit form, API, customer portal).</summary>
[FeatureApi]
public static class CustomerEmail
{
    public const string Invalid = "Alamat email tidak valid (contoh: nama@domain.co.id).";

    /// <returns>The trimmed address, or null for an empty one; or the reason (Indonesian) it is not an address.</returns>
    public static (string? Email, string? Error) Normalise(string? input)
    {
        var email = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (email is not null && (email.Length > Customer.EmailMaxLength || !MailAddress.TryCreate(email, out var parsed)
            || parsed.Address != email || !parsed.Host.Contains('.', StringComparison.Ordinal)))
        {
            return (null, Invalid);
        }
        return (email, null);
    }
}
