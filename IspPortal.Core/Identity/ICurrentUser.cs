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
    public static readonly Actor System = new(null, "system");
}
