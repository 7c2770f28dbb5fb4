using IspPortal.Core.Common;

namespace IspPortal.Core.Identity.Users;

public sealed record NewUser(string UserName, string FullName, string? Email, string Password, IReadOnlyCollection<string> Roles);

/// <summary>Rules on the roles a user may be given, shared by creating a user and changing roles.</summary>
public static class RoleChoice
{
    public static FieldErrors Validate(IReadOnlyCollection<string> roles, FieldErrors errors)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        return errors
            .When(roles.Count == 0, nameof(NewUser.Roles), "Pilih paling sedikit satu peran.")
            .When(unknown.Count > 0, nameof(NewUser.Roles), $"Peran tidak dikenal: {string.Join(", ", unknown)}.");
    }

    public static string[] Normalize(IReadOnlyCollection<string> roles) => [.. Roles.All.Where(roles.Contains)];
}
