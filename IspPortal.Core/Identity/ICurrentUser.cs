namespace IspPortal.Core.Identity;

/// <summary>Who is acting right now: a signed-in user, an API key, or the system (jobs, seed).</summary>
public interface ICurrentUser
{
    ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default);
}

/// <param name="UserId">The user's id; null for the system and for API keys.</param>
/// <param name="Name">User name, <c>api:{key name}</c>, or <c>system</c>.</param>
public sealed record Actor(Guid? UserId, string Name)
{
    /// <summary>Jobs, seeding and start-up: trusted code that holds every permission.</summary>
    public static readonly Actor System = new(null, "system") { Permissions = Identity.Permissions.GrantedTo.Keys.ToHashSet() };

    /// <summary>
    /// What the actor may do, so a use case can check it as well as the page or endpoint
    /// (<see cref="Holds"/>). None unless the one who made the actor said so: least privilege.
    /// </summary>
    public IReadOnlySet<string> Permissions { get; init; } = new HashSet<string>();

    public bool Holds(string permission) => Permissions.Contains(permission);

    /// <summary>A signed-in user with what their roles are granted (plus, for API keys, the permissions the key holds).</summary>
    public static Actor For(Guid? userId, string name, IEnumerable<string> roles, IEnumerable<string>? permissions = null) =>
        new(userId, name) { Permissions = roles.SelectMany(Identity.Permissions.For).Concat(permissions ?? []).ToHashSet() };

    /// <summary>The answer a use case gives an actor without <paramref name="permission"/>.</summary>
    public static string NotPermitted => "Anda tidak memiliki izin untuk tindakan ini.";
}
