using IspPortal.Core.Common;

namespace IspPortal.Core.Reports.Network;

/// <summary>
/// A closed local day (ISP zone <see cref="Zone"/>) whose customer minutes are stored (table <c>uptime_days</c>): the uptime job computed
/// every customer's Active and lost minutes of it with the report's own SQL over that day alone. The reports read a day from the stored
/// minutes only while it is here, in the ISP's current zone, and no <see cref="UptimeDirtySpan"/> overlaps it; otherwise they compute it live.
/// </summary>
[NotAudited]
public class UptimeDay
{
    private UptimeDay() { }

    public DateOnly Day { get; private set; }

    public string Zone { get; private set; } = "";

    /// <summary>Local midnight starting the day (UTC).</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>Local midnight ending it (UTC).</summary>
    public DateTimeOffset EndsAt { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }

    /// <summary>Σ every customer's Active seconds of the day: the network's, read by the unfiltered trend without a row per customer.</summary>
    public decimal ActiveSeconds { get; private set; }

    /// <summary>Σ every customer's lost seconds of the day.</summary>
    public decimal LostSeconds { get; private set; }
}

/// <summary>
/// Moments whose stored minutes may be stale (table <c>uptime_dirty_spans</c>), appended by the database whenever a status log, a router
/// outage or a customer's router changes something a stored day counted; the uptime job recomputes the days they overlap and deletes them.
/// </summary>
[NotAudited]
public class UptimeDirtySpan
{
    private UptimeDirtySpan() { }

    public long Id { get; private set; }

    public DateTimeOffset? StartsAt { get; private set; }

    public DateTimeOffset? EndsAt { get; private set; }
}

/// <summary>
/// One customer's day that is not plain (table <c>uptime_customer_days</c>): some Active time, but not Active all of a 24-hour day with
/// nothing lost. Plain days are bits of <see cref="UptimeCustomerMonth.PlainDays"/>; days without Active time are not stored.
/// </summary>
[NotAudited]
public class UptimeCustomerDay
{
    private UptimeCustomerDay() { }

    public DateOnly Day { get; private set; }

    public int CustomerId { get; private set; }

    /// <summary>Seconds the customer was Active.</summary>
    public decimal ActiveSeconds { get; private set; }

    /// <summary>Of those, seconds Offline or under an outage of their router.</summary>
    public decimal LostSeconds { get; private set; }
}

/// <summary>
/// One customer's month (table <c>uptime_customer_months</c>): the bit of day n (1 &lt;&lt; (n − 1)) is set when the day was plain (Active
/// all 86,400 seconds, nothing lost), and the totals of every stored day of the month (read when the whole month is stored and clean).
/// A customer has a row for every month from their first stored one to the last stored one (zeros where nothing counted), and each row
/// carries the running totals of the customer's rows up to it, so whole months A..B are the row at B less the running totals before A.
/// </summary>
[NotAudited]
public class UptimeCustomerMonth
{
    private UptimeCustomerMonth() { }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public int CustomerId { get; private set; }

    public int PlainDays { get; private set; }

    public decimal ActiveSeconds { get; private set; }

    public decimal LostSeconds { get; private set; }

    /// <summary>Σ <see cref="ActiveSeconds"/> of the customer's rows up to and including this month.</summary>
    public decimal CumActiveSeconds { get; private set; }

    /// <summary>Σ <see cref="LostSeconds"/> of the customer's rows up to and including this month.</summary>
    public decimal CumLostSeconds { get; private set; }
}
