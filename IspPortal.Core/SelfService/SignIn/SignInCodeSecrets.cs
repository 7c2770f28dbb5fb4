using System.Globalization;
using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Notifications.Templates;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.SignIn;

/// <summary>Gives the outbox the clear sign-in code at the moment it sends it; a code that can no longer open is not sent.</summary>
public sealed class SignInCodeSecrets(ISecretProtector secrets, TimeProvider clock) : IMessageSecrets
{
    /// <summary>The message parameter naming the code's row (not a placeholder: the text never shows it).</summary>
    public const string CodeIdParameter = "kode_id";

    public string Placeholder => NotificationEvents.SignInCode;

    public async Task<string?> RevealAsync(IIspDb db, OutboxMessage message, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        if (!values.TryGetValue(CodeIdParameter, out var idText) || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        var code = await db.SignInCodes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.CustomerId == message.CustomerId, cancellationToken);
        return code is not null && code.IsLive(clock.GetUtcNow()) ? secrets.Unprotect(SecretKind.SignInCode, code.CodeEncrypted) : null;
    }
}
