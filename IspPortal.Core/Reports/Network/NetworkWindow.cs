using IspPortal.Core.Common;
using IspPortal.Core.Identity;

namespace IspPortal.Core.Reports.Network;

/// <summary>Which routers and customers a network report counts; null counts every one.</summary>
/// <param name="RouterId">One router: its row, its customers, its outages.</param>
/// <param name="LocationId">One location: the routers standing there and the customers living there.</param>
public sealed record NetworkFilter(int? RouterId = null, int? LocationId = null)
{
    public static readonly NetworkFilter None = new();
}

/// <summary>
/// The moments a network report covers: from local midnight of <c>From</c> to local midnight after <c>To</c> in the ISP's zone,
/// cut at now (the future is neither up nor down). <see cref="Zone"/> is the IANA id the SQL buckets days in.
/// </summary>
public sealed record NetworkWindow(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End, string Zone)
{
    public const int MaxDays = 366;
    public const int DefaultDays = 30;

    /// <summary>Ranges of at most this many days read the five-minute buckets; longer ones the hourly buckets, in daily points.</summary>
    public const int FineDays = 2;

    public double Minutes => Math.Max(0, (End - Start).TotalMinutes);

    public bool IsFine => To.DayNumber - From.DayNumber + 1 <= FineDays;

    /// <summary>Checks the days (default: the last <see cref="DefaultDays"/> days up to today) and cuts the window at now.</summary>
    public static async Task<Outcome<NetworkWindow>> OfAsync(DateOnly? from, DateOnly? to, IspClock clock, TimeProvider time, CancellationToken cancellationToken)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        var now = time.GetUtcNow();
        var end = to ?? IspClock.DayOf(now, zone);
        var start = from ?? end.AddDays(1 - DefaultDays);
        if (Check(start, end) is { Any: true } errors)
            return Outcome.Refused<NetworkWindow>(errors);
        var first = IspClock.StartOfDay(start, zone);
        var last = IspClock.StartOfDay(end.AddDays(1), zone);
        return Outcome.Done(new NetworkWindow(start, end, first, last < now ? last : (now < first ? first : now), zone.Id));
    }

    /// <summary>Years 2000–2100, <paramref name="start"/> not after <paramref name="end"/>, at most <see cref="MaxDays"/> days (a saved report checks the same).</summary>
    public static FieldErrors Check(DateOnly start, DateOnly end) => new FieldErrors()
        .When(start.Year is < 2000 or > 2100, "from", "Tanggal awal harus antara tahun 2000 dan 2100.")
        .When(end.Year is < 2000 or > 2100, "to", "Tanggal akhir harus antara tahun 2000 dan 2100.")
        .When(end < start, "to", "Tanggal akhir tidak boleh sebelum tanggal awal.")
        .When(end >= start && end.DayNumber - start.DayNumber + 1 > MaxDays, "to", $"Rentang laporan paling panjang {MaxDays} hari.");

    /// <summary>Network reports are read by reports.read (managers, finance for SLA credits) or network.read (NOC, technicians).</summary>
    public static bool MayRead(Actor actor) => actor.Holds(Permissions.ReportsRead) || actor.Holds(Permissions.NetworkRead);
}
