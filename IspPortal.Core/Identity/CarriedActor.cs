namespace IspPortal.Core.Identity;

/// <summary>
/// The actor handed into a service scope that a use case opens for itself (see
/// <see cref="Users.UserAdministration"/>). Such a scope has no HTTP request and no circuit state of
/// its own, so <see cref="ICurrentUser"/> implementations return this actor first; audit rows then
/// still name the admin who acted.
/// </summary>
public sealed class CarriedActor
{
    public Actor? Actor { get; set; }
}
