namespace IspPortal.Core.Network;

/// <summary>
/// Routers that share new customers between them, and optionally back each other up
/// (table <c>router_pools</c>).
/// </summary>
public class RouterPool
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Restricts the pool to one service area, when set.</summary>
    public int? LocationCodeId { get; set; }

    public PoolBalancing Balancing { get; set; } = PoolBalancing.LeastLoaded;

    /// <summary>Copy every customer's secret to the pool's backup members, for failover.</summary>
    public bool ReplicateSecrets { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public List<RouterPoolMember> Members { get; private set; } = [];

    public RouterPoolMember AddMember(Router router, PoolMemberRole role, int priority, int weight, int? capacity, DateTimeOffset at)
    {
        if (Members.Any(m => ReferenceEquals(m.Router, router) || (router.Id != 0 && m.RouterId == router.Id)))
        {
            throw new InvalidOperationException($"Router {router.Code} is already in pool {Name}.");
        }
        var member = new RouterPoolMember(this, router, role, priority, weight, capacity, at);
        Members.Add(member);
        return member;
    }
}

/// <summary>A router's place in a pool (table <c>router_pool_members</c>).</summary>
public class RouterPoolMember
{
    private RouterPoolMember() { }

    internal RouterPoolMember(RouterPool pool, Router router, PoolMemberRole role, int priority, int weight, int? capacity, DateTimeOffset addedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        if (capacity is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity must be positive.");
        }
        Pool = pool;
        RouterPoolId = pool.Id;
        Router = router;
        RouterId = router.Id;
        Role = role;
        Priority = priority;
        Weight = weight;
        Capacity = capacity;
        AddedAt = addedAt;
    }

    public int Id { get; private set; }

    public int RouterPoolId { get; private set; }

    public int RouterId { get; private set; }

    public PoolMemberRole Role { get; set; }

    /// <summary>Lower goes first when members are equally loaded.</summary>
    public int Priority { get; set; }

    /// <summary>Relative share of new customers.</summary>
    public int Weight { get; set; } = 1;

    /// <summary>Most customers this member takes; null means no limit.</summary>
    public int? Capacity { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset AddedAt { get; private set; }

    public RouterPool? Pool { get; private set; }

    public Router? Router { get; private set; }
}

public enum PoolBalancing
{
    LeastLoaded,
    Weighted,
}

public enum PoolMemberRole
{
    /// <summary>Takes new customers.</summary>
    Primary,
    /// <summary>Holds replicated secrets; takes customers only when a primary fails.</summary>
    Backup,
}
