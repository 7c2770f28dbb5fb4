using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Identity.ApiKeys;

public sealed class ApiKeyAuthenticator(IIspDbFactory dbs, TimeProvider clock)
{
    /// <summary>Writing "last used" on every call would turn reads into writes; once a minute is enough.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>The active key matching <paramref name="presented"/>, or null.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (ApiKeySecret.PrefixOf(presented.Trim()) is not { } prefix)
            return null;
        await using var db = await dbs.CreateAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, cancellationToken);
        if (key is null || !ApiKeySecret.Matches(presented.Trim(), key.KeyHash))
            return null;

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
            key.LastUsedAt = now;
        }
        return key;
    }
}
