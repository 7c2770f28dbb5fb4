using System.Collections.Concurrent;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Settings;

/// <summary>
/// Reads and saves the typed settings groups. Reads are cached briefly because every page shows
/// times in the ISP's zone; a save clears this instance's cache at once, other instances within
/// <see cref="CacheFor"/>.
/// </summary>
public sealed class PortalSettings(IIspDbFactory dbs, SettingsCache cache, SaveGuard guard, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T> GetAsync<T>(CancellationToken cancellationToken = default) where T : ISettingsGroup<T>, new()
    {
        if (cache.Entries.TryGetValue(T.Key, out var cached) && clock.GetUtcNow() - cached.ReadAt < CacheFor)
            return (T)cached.Value;

        await using var db = await dbs.CreateAsync(cancellationToken);
        var key = T.Key;
        var row = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        var value = row is null ? new T() : JsonSerializer.Deserialize<T>(row.Value, Json) ?? new T();
        cache.Entries[T.Key] = (value, clock.GetUtcNow());
        return value;
    }

    public async Task<Outcome<T>> SaveAsync<T>(T value, Actor actor, CancellationToken cancellationToken = default) where T : ISettingsGroup<T>, new()
    {
        var errors = value.Validate();
        if (errors.Any)
            return Outcome.Refused<T>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var key = T.Key;
        var row = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (row is null)
            db.Settings.Add(row = new Setting { Key = T.Key });
        row.Value = JsonSerializer.Serialize(value, Json);
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = actor.Name;
        // Two admins saving a group for the first time at once: one insert wins, the other is told.
        var saved = await guard.SaveAsync(db, value, new Dictionary<string, (string, string)>
        {
            ["pk_settings"] = ("", "Pengaturan ini baru saja disimpan orang lain; muat ulang lalu coba lagi."),
        }, cancellationToken: cancellationToken);
        cache.Entries.TryRemove(T.Key, out _);
        return saved;
    }
}

/// <summary>The process-wide cache behind <see cref="PortalSettings"/> (which is scoped, like the database).</summary>
public sealed class SettingsCache
{
    internal ConcurrentDictionary<string, (object Value, DateTimeOffset ReadAt)> Entries { get; } = new();
}
