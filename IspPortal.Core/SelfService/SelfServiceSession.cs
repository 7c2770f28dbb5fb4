using System.Security.Cryptography;
using System.Text;
using IspPortal.Core.Common;

namespace IspPortal.Core.SelfService;

public enum SessionChannel
{
    /// <summary>The <c>/pelanggan</c> pages, through an HttpOnly cookie.</summary>
    Web,
    /// <summary>A mobile app, through <c>Authorization: Bearer</c>.</summary>
    Api,
}

/// <summary>
/// A customer signed in to the self-service portal (table <c>self_service_sessions</c>). Only the
/// SHA-256 of the token is stored: 256 random bits need no slow hash, and a stolen table opens nothing.
/// A session ends at its expiry, when the customer signs out, or when they sign out everywhere.
/// </summary>
[NotAudited]
public class SelfServiceSession
{
    public const string TokenPrefix = "cst_";
    public const int HashLength = 64;
    public const int DeviceMaxLength = 200;
    public const int AddressMaxLength = 64;
    public static readonly TimeSpan ShortLifetime = TimeSpan.FromHours(12);
    /// <summary>"Ingat perangkat ini", and every app session.</summary>
    public static readonly TimeSpan RememberedLifetime = TimeSpan.FromDays(30);

    private SelfServiceSession() { }

    public SelfServiceSession(int customerId, SessionChannel channel, bool remembered, string tokenHash, string? device, string? address, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CustomerId = customerId;
        Channel = channel;
        Remembered = remembered;
        TokenHash = tokenHash;
        Device = Shorten(device, DeviceMaxLength);
        Address = Shorten(address, AddressMaxLength);
        CreatedAt = now;
        LastSeenAt = now;
        ExpiresAt = now + (remembered ? RememberedLifetime : ShortLifetime);
    }

    public Guid Id { get; private set; }

    public int CustomerId { get; private set; }

    public SessionChannel Channel { get; private set; }

    public bool Remembered { get; private set; }

    [Sensitive]
    public string TokenHash { get; private set; } = "";

    public string? Device { get; private set; }

    public string? Address { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsOpen(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;

    public void End(DateTimeOffset now) => EndedAt ??= now;

    public static string NewToken() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Shorten(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
