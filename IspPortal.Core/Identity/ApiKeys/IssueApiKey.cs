using IspPortal.Core.Common;

namespace IspPortal.Core.Identity.ApiKeys;

/// <param name="Key">The key text, shown once and never stored.</param>
public sealed record IssuedApiKey(ApiKey Record, string Key);

public sealed class IssueApiKey(IIspDbFactory dbs, SaveGuard guard, TimeProvider clock)
{
    public async Task<Outcome<IssuedApiKey>> ExecuteAsync(string name, IReadOnlyCollection<string> permissions, Actor actor, string? key = null, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(name, permissions, actor, key);
        if (!prepared.Succeeded)
            return prepared;
        await using var db = await dbs.CreateAsync(cancellationToken);
        db.ApiKeys.Add(prepared.Value!.Record);
        return await guard.SaveAsync(db, prepared.Value, new Dictionary<string, (string, string)>
        {
            ["ix_api_keys_prefix"] = ("Key", "Kunci API ini sudah terdaftar."),
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Validates and builds the key without saving it, for callers that save it in their own transaction.</summary>
    public Outcome<IssuedApiKey> Prepare(string name, IReadOnlyCollection<string> permissions, Actor actor, string? key = null)
    {
        name = name.Trim();
        var unknown = permissions.Where(p => !Permissions.GrantedTo.ContainsKey(p)).ToList();
        var errors = new FieldErrors()
            .When(name.Length is 0 or > 100, "Name", "Nama kunci API wajib diisi (maks. 100 karakter).")
            .When(permissions.Count == 0, "Permissions", "Pilih paling sedikit satu izin.")
            .When(unknown.Count > 0, "Permissions", $"Izin tidak dikenal: {string.Join(", ", unknown)}.")
            .When(key is not null && ApiKeySecret.PrefixOf(key) is null, "Key", $"Kunci API harus berbentuk {ApiKeySecret.Marker} diikuti 48 huruf/angka.");
        if (errors.Any)
            return Outcome.Refused<IssuedApiKey>(errors);

        key ??= ApiKeySecret.Generate();
        var record = new ApiKey
        {
            Name = name,
            Prefix = ApiKeySecret.PrefixOf(key)!,
            KeyHash = ApiKeySecret.Hash(key),
            Permissions = [.. permissions.Distinct().Order(StringComparer.Ordinal)],
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.Name,
        };
        return Outcome.Done(new IssuedApiKey(record, key));
    }
}
