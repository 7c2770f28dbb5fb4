namespace IspPortal.Core.Common;

/// <summary>
/// Encrypts secrets the portal must be able to read back (router and PPPoE passwords, NIK) before
/// they are stored. Each kind has its own key purpose, so a value protected as one kind cannot be
/// unprotected as another.
/// </summary>
public interface ISecretProtector
{
    string Protect(SecretKind kind, string plaintext);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The value was not
    /// protected as <paramref name="kind"/> by this portal, or its key is gone.</exception>
    string Unprotect(SecretKind kind, string protectedValue);
}

public enum SecretKind
{
    RouterPassword,
    PppoePassword,
    Nik,
    /// <summary>WhatsApp Cloud API access token, app secret, webhook verify token, gateway token, SMTP password.</summary>
    NotificationCredential,
    /// <summary>Payment gateway server keys (Midtrans).</summary>
    PaymentGatewayCredential,
    /// <summary>Customers' one-time sign-in codes, read back once by the outbox when it sends them.</summary>
    SignInCode,
}

/// <summary>
/// A keyed hash (HMAC-SHA256) for finding a row by a secret value without decrypting every row,
/// e.g. the customer whose NIK an agent types into the search box. Equal inputs give equal hashes;
/// without the key the hash cannot be brute-forced from the small NIK space.
/// </summary>
public interface IKeyedHasher
{
    /// <summary>Lower-case hex, <see cref="HashLength"/> characters.</summary>
    ValueTask<string> HashAsync(string value, CancellationToken cancellationToken = default);

    public const int HashLength = 64;
}
