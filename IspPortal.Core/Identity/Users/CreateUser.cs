using System.Net.Mail;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Identity.Users;

public sealed class CreateUser(UserAdministration administration, PortalSettings settings, TimeProvider clock)
{
    public const int UserNameMaxLength = 64;

    public Task<Outcome<PortalUser>> ExecuteAsync(NewUser input, CancellationToken cancellationToken = default)
    {
        var userName = input.UserName.Trim();
        var fullName = input.FullName.Trim();
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        var errors = RoleChoice.Validate(input.Roles, new FieldErrors()
            .When(userName.Length == 0, nameof(NewUser.UserName), "Nama pengguna wajib diisi.")
            .When(userName.Length > UserNameMaxLength, nameof(NewUser.UserName), $"Nama pengguna paling banyak {UserNameMaxLength} karakter.")
            .When(fullName.Length == 0, nameof(NewUser.FullName), "Nama lengkap wajib diisi.")
            .When(fullName.Length > PortalUser.FullNameMaxLength, nameof(NewUser.FullName), $"Nama lengkap paling banyak {PortalUser.FullNameMaxLength} karakter.")
            .When(input.Password.Length == 0, nameof(NewUser.Password), "Kata sandi awal wajib diisi.")
            .When(email is not null && !IsEmailAddress(email), nameof(NewUser.Email), "Alamat email tidak valid."));
        if (errors.Any)
            return Task.FromResult(Outcome.Refused<PortalUser>(errors));

        return CreateAsync(userName, fullName, email, input, cancellationToken);
    }

    private async Task<Outcome<PortalUser>> CreateAsync(string userName, string fullName, string? email, NewUser input, CancellationToken cancellationToken)
    {
        var regional = await settings.GetAsync<RegionalSettings>(cancellationToken);
        return await administration.RunAsync(async (users, _) =>
        {
            var user = new PortalUser
            {
                UserName = userName,
                FullName = fullName,
                Email = email,
                Culture = regional.DefaultCulture,
                CreatedAt = clock.GetUtcNow(),
            };
            // CreateAsync checks the user name and the password before it inserts anything.
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
                return Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(created));

            // Refused here, the whole step rolls back: no user without roles is left behind.
            var roled = await users.AddToRolesAsync(user, RoleChoice.Normalize(input.Roles));
            return roled.Succeeded ? Outcome.Done(user) : Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(roled));
        }, cancellationToken);
    }

    private static bool IsEmailAddress(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal);
}
