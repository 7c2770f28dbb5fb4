using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService;

public enum SignInCodePurpose
{
    /// <summary>Signs the customer in to the portal.</summary>
    SignIn,
    /// <summary>Proves the customer holds the new WhatsApp number before it replaces the old one.</summary>
    NewPhone,
}

public enum CodeCheck
{
    Accepted,
    Wrong,
    /// <summary>Expired, already used, or killed by too many wrong tries.</summary>
    Dead,
}

/// <summary>
/// A six-digit one-time code sent by WhatsApp (table <c>self_service_codes</c>). Kept encrypted, not
/// hashed: the outbox reads it back when it sends the message, so the code never sits in clear in a
/// message row. It lives five minutes, dies after five wrong tries, and opens one session.
/// </summary>
[NotAudited]
public class SignInCode
{
    public const int Digits = 6;
    public const int MaxWrongTries = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private SignInCode() { }

    public SignInCode(int customerId, SignInCodePurpose purpose, string login, string phone, string codeEncrypted, DateTimeOffset now)
    {
        CustomerId = customerId;
        Login = login;
        Purpose = purpose;
        Phone = phone;
        CodeEncrypted = codeEncrypted;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public long Id { get; private set; }

    public int CustomerId { get; private set; }

    public SignInCodePurpose Purpose { get; private set; }

    /// <summary>The normalised login the code was asked for (customer code or E.164 number); the code is checked against it.</summary>
    public string Login { get; private set; } = "";

    /// <summary>The number the code was sent to (for a new number: the number that becomes the customer's).</summary>
    public string Phone { get; private set; } = "";

    [Sensitive]
    public string CodeEncrypted { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int WrongTries { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>A newer code was asked for the same login: only the newest one opens.</summary>
    public void Supersede(DateTimeOffset now)
    {
        if (ExpiresAt > now)
            ExpiresAt = now;
    }

    public bool IsLive(DateTimeOffset now) => UsedAt is null && WrongTries < MaxWrongTries && now < ExpiresAt;

    /// <summary>Compares in constant time; a right code is used up, a wrong one counts towards the limit.</summary>
    public CodeCheck Check(string clearCode, string given, DateTimeOffset now)
    {
        if (!IsLive(now))
            return CodeCheck.Dead;
        var matches = System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(clearCode), System.Text.Encoding.ASCII.GetBytes(given));
        if (!matches)
        {
            WrongTries++;
            return CodeCheck.Wrong;
        }
        UsedAt = now;
        return CodeCheck.Accepted;
    }

    /// <summary>Six ASCII digits, as typed (trimmed); anything else is refused before a code is looked at.</summary>
    public static bool IsWellFormed(string given) => given.Length == Digits && given.All(char.IsAsciiDigit);

    /// <summary>Checks <paramref name="given"/> against the newest of <paramref name="codes"/> (tracked, so a wrong try is counted on save).</summary>
    internal static async Task<(SignInCode? Newest, CodeCheck Verdict)> CheckNewestAsync(
        IQueryable<SignInCode> codes, ISecretProtector secrets, string given, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var newest = await codes.OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return (newest, newest is null ? CodeCheck.Dead : newest.Check(secrets.Unprotect(SecretKind.SignInCode, newest.CodeEncrypted), given, now));
    }

    public static string NewCode() =>
        System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
