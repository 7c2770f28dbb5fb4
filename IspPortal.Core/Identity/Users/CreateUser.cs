using IspPortal.Core.Common;

namespace IspPortal.Core.Identity.Users;

public sealed class CreateUser(UserAdministration administration, TimeProvider clock)
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
            .When(input.Password.Length == 0, nameof(NewUser.Password), "Kata sandi awal wajib diisi."));
        if (errors.Any)
            return Task.FromResult(Outcome.Refused<PortalUser>(errors));

        return administration.RunAsync(async (users, _) =>
        {
            var user = new PortalUser
            {
                UserName = userName,
                FullName = fullName,
                Email = email,
                CreatedAt = clock.GetUtcNow(),
            };
            // CreateAsync checks the user name and the password before it inserts anything.
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
                return Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(created));

            var roled = await users.AddToRolesAsync(user, RoleChoice.Normalize(input.Roles));
            if (roled.Succeeded)
                return Outcome.Done(user);
            // A user without roles could sign in to nothing; take the half-made user back out.
            await users.DeleteAsync(user);
            return Outcome.Refused<PortalUser>(UserAdministration.ToFieldErrors(roled));
        }, cancellationToken);
    }
}
