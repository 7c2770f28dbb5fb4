using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Network.Health;

public enum RouterHealthResolution
{
    FiveMinutes,
    Hourly,
}

/// <summary>One bucket of a router's health; traffic in bits per second (null when the bucket has no rate).</summary>
public sealed record RouterHealthPoint(
    DateTimeOffset BucketStart, int Samples,
    double CpuAvg, short CpuMax, double CpuP95,
    double SessionsAvg, int SessionsMax,
    double? RxBpsAvg, double? RxBpsMax, double? RxBpsP95,
    double? TxBpsAvg, double? TxBpsMax, double? TxBpsP95);

/// <summary>
/// A router's rolled-up health for a time range, oldest first: what the network reports read
/// (raw samples are kept only days, these for months).
/// </summary>
public sealed class RouterHealthHistory(IIspDbFactory dbs, ICurrentUser currentUser)
{
    /// <summary>The buckets that start in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<Outcome<IReadOnlyList<RouterHealthPoint>>> ExecuteAsync(
        int routerId, DateTimeOffset from, DateTimeOffset to, RouterHealthResolution resolution, CancellationToken cancellationToken = default)
    {
        if (!(await currentUser.GetAsync(cancellationToken)).Holds(Permissions.NetworkRead))
            return Outcome.Refused<IReadOnlyList<RouterHealthPoint>>("", Actor.NotPermitted);
        if (to <= from)
            return Outcome.Refused<IReadOnlyList<RouterHealthPoint>>("to", "Akhir rentang harus setelah awalnya.");

        await using var db = await dbs.CreateAsync(cancellationToken);
        var points = resolution == RouterHealthResolution.Hourly
            ? await PointsAsync(db.RouterHealthHourly, routerId, from, to, cancellationToken)
            : await PointsAsync(db.RouterHealthFiveMinutes, routerId, from, to, cancellationToken);
        return Outcome.Done<IReadOnlyList<RouterHealthPoint>>(points);
    }

    private static Task<List<RouterHealthPoint>> PointsAsync<T>(IQueryable<T> buckets, int routerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        where T : RouterHealthAggregate =>
        buckets.AsNoTracking()
            .Where(b => b.RouterId == routerId && b.BucketStart >= from && b.BucketStart < to)
            .OrderBy(b => b.BucketStart)
            .Select(b => new RouterHealthPoint(b.BucketStart, b.Samples, b.CpuAvg, b.CpuMax, b.CpuP95, b.SessionsAvg, b.SessionsMax,
                b.RxBpsAvg, b.RxBpsMax, b.RxBpsP95, b.TxBpsAvg, b.TxBpsMax, b.TxBpsP95))
            .ToListAsync(cancellationToken);
}
