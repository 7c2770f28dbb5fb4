using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Pools;

public sealed record PoolMemberInput(int RouterId, PoolMemberRole Role, int Priority, int Weight, int? Capacity, bool IsActive = true);

public sealed record RouterPoolInput(
    int? Id,
    string Name,
    string? Description,
    int? LocationCodeId,
    PoolBalancing Balancing,
    bool ReplicateSecrets,
    bool IsActive,
    IReadOnlyList<PoolMemberInput> Members);

/// <summary>Creates or edits a pool with its whole member list, in one save.</summary>
public sealed class SaveRouterPool(IIspDbFactory dbs, SaveGuard guard, TimeProvider clock)
{
    public async Task<Outcome<RouterPool>> ExecuteAsync(RouterPoolInput input, CancellationToken cancellationToken = default)
    {
        var name = input.Name.Trim();
        var errors = new FieldErrors()
            .When(name.Length is 0 or > RouterPool.NameMaxLength, nameof(input.Name), $"Nama pool wajib diisi (maks. {RouterPool.NameMaxLength} karakter).")
            .When(input.Members.Count == 0, nameof(input.Members), "Pool memerlukan paling sedikit satu router.")
            .When(input.Members.Count > 0 && input.Members.All(m => m.Role != PoolMemberRole.Primary), nameof(input.Members), "Pool memerlukan paling sedikit satu router utama (primary).")
            .When(input.Members.GroupBy(m => m.RouterId).Any(g => g.Count() > 1), nameof(input.Members), "Satu router hanya boleh muncul sekali dalam pool.")
            .When(input.Members.Any(m => m.Weight < 1), nameof(input.Members), "Bobot router minimal 1.")
            .When(input.Members.Any(m => m.Capacity is < 1), nameof(input.Members), "Kapasitas harus kosong (tanpa batas) atau lebih dari 0.")
            .When(input.ReplicateSecrets && input.Members.All(m => m.Role != PoolMemberRole.Backup), nameof(input.ReplicateSecrets), "Replikasi secret memerlukan paling sedikit satu router cadangan (backup).");
        if (errors.Any)
            return Outcome.Refused<RouterPool>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        var routerIds = input.Members.Select(m => m.RouterId).ToList();
        var routers = await db.Routers.Where(r => routerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        if (routers.Count != routerIds.Count)
            return Outcome.Refused<RouterPool>(nameof(input.Members), "Salah satu router sudah dihapus; muat ulang lalu coba lagi.");

        var now = clock.GetUtcNow();
        RouterPool? pool;
        if (input.Id is { } id)
        {
            pool = await db.RouterPools.Include(p => p.Members).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (pool is null)
                return Outcome.Refused<RouterPool>("", "Pool router tidak ditemukan; mungkin sudah dihapus.");
        }
        else
        {
            pool = new RouterPool { CreatedAt = now };
            db.RouterPools.Add(pool);
        }

        pool.Name = name;
        pool.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        pool.LocationCodeId = input.LocationCodeId;
        pool.Balancing = input.Balancing;
        pool.ReplicateSecrets = input.ReplicateSecrets;
        pool.IsActive = input.IsActive;

        foreach (var gone in pool.Members.Where(m => !routerIds.Contains(m.RouterId)).ToList())
            pool.Members.Remove(gone);
        foreach (var wanted in input.Members)
        {
            var member = pool.Members.SingleOrDefault(m => m.RouterId == wanted.RouterId)
                ?? pool.AddMember(routers[wanted.RouterId], wanted.Role, wanted.Priority, wanted.Weight, wanted.Capacity, now);
            member.Role = wanted.Role;
            member.Priority = wanted.Priority;
            member.Weight = wanted.Weight;
            member.Capacity = wanted.Capacity;
            member.IsActive = wanted.IsActive;
        }

        return await guard.SaveAsync(db, pool, new Dictionary<string, (string, string)>
        {
            ["ux_router_pools_name"] = (nameof(input.Name), $"Nama pool {name} sudah dipakai."),
            ["ux_router_pool_members_pool_router"] = (nameof(input.Members), "Satu router hanya boleh muncul sekali dalam pool."),
        }, cancellationToken: cancellationToken);
    }
}
