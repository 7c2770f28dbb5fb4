using IspPortal.Core.Common;

namespace IspPortal.Core.Notifications.Sending;

/// <summary>
/// A secret a message carries that is read at the moment it is sent and never stored in the outbox
/// row (the self-service sign-in code): the stored body shows <see cref="DispatchOutbox.PasswordMask"/>.
/// </summary>
[FeatureApi]
public interface IMessageSecrets
{
    /// <summary>The placeholder this source fills, e.g. <c>kode_otp</c>.</summary>
    string Placeholder { get; }

    /// <returns>The secret, or null when it may no longer be sent (a code that expired or was used): the message fails for good.</returns>
    Task<string?> RevealAsync(IIspDb db, OutboxMessage message, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default);
}
