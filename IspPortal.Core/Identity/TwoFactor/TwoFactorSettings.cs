using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Identity.TwoFactor;

/// <summary>Which roles must sign in with an authenticator app (settings key <c>two-factor</c>).</summary>
public sealed record TwoFactorSettings : ISettingsGroup<TwoFactorSettings>
{
    public static string Key => "two-factor";

    /// <summary>The roles that hold money and user administration.</summary>
    public static readonly IReadOnlyList<string> DefaultMandatoryRoles = [Roles.Admin, Roles.Finance];

    public IReadOnlyList<string> MandatoryRoles { get; init; } = DefaultMandatoryRoles;

    public bool IsMandatoryFor(IEnumerable<string> roles) => roles.Any(MandatoryRoles.Contains);

    public FieldErrors Validate() => new FieldErrors()
        .When(MandatoryRoles.Any(role => !Roles.All.Contains(role)), nameof(MandatoryRoles), "Peran tidak dikenal.");
}
