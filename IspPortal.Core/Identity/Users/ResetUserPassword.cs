using System.Security.Cryptography;
using IspPortal.Core.Common;

namespace IspPortal.Core.Identity.Users;

/// <param name="Password">The new password; shown to the admin once, never stored in clear.</param>
public sealed record PasswordReset(PortalUser User, string Password, bool Generated);

public sealed class ResetUserPassword(UserAdministration administration)
{
    public const int GeneratedLength = 14;

    // No look-alike characters (0/O, 1/l/I): the admin reads this password out to the user.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "#%+=?@";

    /// <summary>Sets <paramref name="newPassword"/>, or a strong random one when it is blank.</summary>
    public Task<Outcome<PasswordReset>> ExecuteAsync(Guid userId, string? newPassword, CancellationToken cancellationToken = default) =>
        administration.RunForUserAsync(userId, async (users, user, _) =>
        {
            var generated = string.IsNullOrEmpty(newPassword);
            var password = generated ? Generate() : newPassword!;
            var errors = new FieldErrors();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                foreach (var error in result.Errors)
                    errors.Add(nameof(NewUser.Password), error.Description);
            }
            if (errors.Any)
                return Outcome.Refused<PasswordReset>(errors);

            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            // One save for hash and stamp; the new stamp signs the user out everywhere.
            var saved = await users.UpdateSecurityStampAsync(user);
            return saved.Succeeded
                ? Outcome.Done(new PasswordReset(user, password, generated))
                : Outcome.Refused<PasswordReset>(UserAdministration.ToFieldErrors(saved));
        }, cancellationToken);

    /// <summary>A random password with every character class, so it passes any of the portal's password rules.</summary>
    public static string Generate()
    {
        const string all = Upper + Lower + Digits + Symbols;
        var characters = (RandomNumberGenerator.GetString(Upper, 1) + RandomNumberGenerator.GetString(Lower, 1)
            + RandomNumberGenerator.GetString(Digits, 1) + RandomNumberGenerator.GetString(Symbols, 1)
            + RandomNumberGenerator.GetString(all, GeneratedLength - 4)).ToCharArray();
        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }
}
