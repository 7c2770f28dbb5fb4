using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Pools;

public sealed record PoolMemberRow(int RouterId, string RouterCode, PoolMemberRole Role, int Priority, int Weight, int? Capacity, bool IsActive, int Load, RouterHealth Health);

public sealed record RouterPoolRow(int Id, string Name, string? Description, int? LocationCodeId, PoolBalancing Balancing, bool ReplicateSecrets, bool IsActive, IReadOnlyList<PoolMemberRow> Members)
{
    public RouterPoolInput ToInput() => new(Id, Name, Description, LocationCodeId, Balancing, ReplicateSecrets, IsActive,
        [.. Members.Select(m => new PoolMemberInput(m.RouterId, m.Role, m.Priority, m.Weight, m.Capacity, m.IsActive))]);
}

public sealed class RouterPoolList(IIspDbFactory dbs)
{
    public async Task<IReadOnlyList<RouterPoolRow>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.RouterPools.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new RouterPoolRow(p.Id, p.Name, p.Description, p.LocationCodeId, p.Balancing, p.ReplicateSecrets, p.IsActive,
                p.Members.OrderBy(m => m.Role).ThenBy(m => m.Priority).ThenBy(m => m.Router!.Code)
                    .Select(m => new PoolMemberRow(m.RouterId, m.Router!.Code, m.Role, m.Priority, m.Weight, m.Capacity, m.IsActive,
                        db.Customers.Count(c => c.RouterId == m.RouterId && c.Status != CustomerStatus.Terminated), m.Router.Health))
                    .ToList()))
            .ToListAsync(cancellationToken);
    }
}
