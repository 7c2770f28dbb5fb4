using IspPortal.Core.Common;
using Microsoft.AspNetCore.DataProtection;

namespace IspPortal.Infrastructure.Security;

/// <summary>
/// <see cref="ISecretProtector"/> on ASP.NET Core Data Protection (AES-256-CBC + HMAC, keys rotated
/// every 90 days and kept in the <c>data_protection_keys</c> table so every instance can read every value).
/// </summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _routerPasswords = provider.CreateProtector(PurposeOf(SecretKind.RouterPassword));
    private readonly IDataProtector _pppoePasswords = provider.CreateProtector(PurposeOf(SecretKind.PppoePassword));
    private readonly IDataProtector _niks = provider.CreateProtector(PurposeOf(SecretKind.Nik));
    private readonly IDataProtector _notificationCredentials = provider.CreateProtector(PurposeOf(SecretKind.NotificationCredential));
    private readonly IDataProtector _paymentGatewayCredentials = provider.CreateProtector(PurposeOf(SecretKind.PaymentGatewayCredential));
    private readonly IDataProtector _signInCodes = provider.CreateProtector(PurposeOf(SecretKind.SignInCode));

    /// <summary>Changing a purpose makes every value protected under it unreadable: never rename.</summary>
    public static string PurposeOf(SecretKind kind) => $"IspPortal.Secrets.{kind}.v1";

    public string Protect(SecretKind kind, string plaintext) => ProtectorFor(kind).Protect(plaintext);

    public string Unprotect(SecretKind kind, string protectedValue) => ProtectorFor(kind).Unprotect(protectedValue);

    private IDataProtector ProtectorFor(SecretKind kind) => kind switch
    {
        SecretKind.RouterPassword => _routerPasswords,
        SecretKind.PppoePassword => _pppoePasswords,
        SecretKind.Nik => _niks,
        SecretKind.NotificationCredential => _notificationCredentials,
        SecretKind.PaymentGatewayCredential => _paymentGatewayCredentials,
        SecretKind.SignInCode => _signInCodes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
