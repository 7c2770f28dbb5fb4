using IspPortal.Core.Common;
using IspPortal.Core.Identity.Users;
using IspPortal.Core.Settings;
using Microsoft.AspNetCore.Identity;

namespace IspPortal.Core.Identity.TwoFactor;

/// <param name="Key">The authenticator key in readable groups; null once enrolled.</param>
/// <param name="Uri">The otpauth URI for the QR code; null once enrolled.</param>
public sealed record TwoFactorState(string UserName, bool Enabled, bool Mandatory, int RecoveryCodesLeft, string? Key, string? Uri);

/// <summary>The signed-in user's own second factor: enrol with an authenticator app, new recovery codes, turn it off.</summary>
public sealed class TwoFactorEnrolment(UserAdministration administration, PortalSettings settings)
{
    public const string WrongCode = "Kode tidak cocok. Periksa jam ponsel Anda dan masukkan kode yang sedang tampil.";

    /// <summary>The user's state; a user not yet enrolled gets a key (kept until enrolment succeeds).</summary>
    public Task<Outcome<TwoFactorState>> StateAsync(CancellationToken cancellationToken = default) =>
        RunForSelfAsync(async (users, user) =>
        {
            var enabled = await users.GetTwoFactorEnabledAsync(user);
            string? key = null;
            if (!enabled)
            {
                key = await users.GetAuthenticatorKeyAsync(user);
                if (string.IsNullOrEmpty(key))
                {
                    await users.ResetAuthenticatorKeyAsync(user);
                    key = await users.GetAuthenticatorKeyAsync(user);
                }
            }
            return Outcome.Done(new TwoFactorState(
                user.UserName!, enabled, await IsMandatoryAsync(users, user, cancellationToken),
                enabled ? await users.CountRecoveryCodesAsync(user) : 0,
                key is null ? null : Authenticator.Grouped(key),
                key is null ? null : Authenticator.Uri(user.UserName!, key)));
        }, cancellationToken);

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> proves the app holds the key; the recovery codes are shown once.</summary>
    public Task<Outcome<IReadOnlyList<string>>> EnableAsync(string code, CancellationToken cancellationToken = default) =>
        RunForSelfAsync(async (users, user) =>
        {
            if (await users.GetTwoFactorEnabledAsync(user))
                return Outcome.Refused<IReadOnlyList<string>>("", "Verifikasi dua langkah sudah aktif.");
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Authenticator.Clean(code)))
                return Outcome.Refused<IReadOnlyList<string>>("Code", WrongCode);
            await users.SetTwoFactorEnabledAsync(user, true);
            return await NewRecoveryCodesAsync(users, user);
        }, cancellationToken);

    public Task<Outcome<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(CancellationToken cancellationToken = default) =>
        RunForSelfAsync(async (users, user) =>
            await users.GetTwoFactorEnabledAsync(user)
                ? await NewRecoveryCodesAsync(users, user)
                : Outcome.Refused<IReadOnlyList<string>>("", "Aktifkan verifikasi dua langkah terlebih dahulu."), cancellationToken);

    public Task<Outcome<bool>> DisableAsync(CancellationToken cancellationToken = default) =>
        RunForSelfAsync(async (users, user) =>
        {
            if (await IsMandatoryAsync(users, user, cancellationToken))
                return Outcome.Refused<bool>("", "Peran Anda mewajibkan verifikasi dua langkah; hanya Admin yang dapat meresetnya.");
            await SecondFactor.RemoveAsync(users, user);
            return Outcome.Done(true);
        }, cancellationToken);

    private static async Task<Outcome<IReadOnlyList<string>>> NewRecoveryCodesAsync(UserManager<PortalUser> users, PortalUser user) =>
        Outcome.Done<IReadOnlyList<string>>([.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount) ?? []]);

    private async Task<bool> IsMandatoryAsync(UserManager<PortalUser> users, PortalUser user, CancellationToken cancellationToken) =>
        (await settings.GetAsync<TwoFactorSettings>(cancellationToken)).IsMandatoryFor(await users.GetRolesAsync(user));

    private Task<Outcome<T>> RunForSelfAsync<T>(Func<UserManager<PortalUser>, PortalUser, Task<Outcome<T>>> step, CancellationToken cancellationToken) =>
        administration.RunAsync(async (users, actor) =>
            actor.UserId is { } id && await users.FindByIdAsync(id.ToString()) is { IsActive: true } user
                ? await step(users, user)
                : Outcome.Refused<T>("", "Masuk terlebih dahulu."),
            cancellationToken);
}

/// <summary>Removing a second factor entirely: off, a new key (the old app's codes stop working), no recovery codes.</summary>
internal static class SecondFactor
{
    public static async Task RemoveAsync(UserManager<PortalUser> users, PortalUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        // A new stamp: sessions signed in with the removed factor are re-checked within a minute.
        await users.UpdateSecurityStampAsync(user);
    }
}
