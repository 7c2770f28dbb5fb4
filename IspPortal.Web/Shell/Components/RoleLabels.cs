using IspPortal.Core.Identity;

namespace IspPortal.Web.Shell.Components;

/// <summary>The roles as the ISP's people call them; the keys go through the localizer.</summary>
public static class RoleLabels
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [Roles.Admin] = "Admin",
        [Roles.Staff] = "Staf",
        [Roles.Technician] = "Teknisi",
        [Roles.Finance] = "Keuangan",
        [Roles.Noc] = "NOC",
        [Roles.Manager] = "Manajer",
    };

    public static string For(string role) => Labels.GetValueOrDefault(role, role);
}
