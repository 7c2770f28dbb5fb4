using IspPortal.Core.Reports.Network;
using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Reports.Network;

/// <summary>
/// The customers' uptime from the stored days (<see cref="UptimeStoreSql"/>) where the uptime job has stored them clean, plus the other
/// days computed live; without any stored day of the window, the live statements alone (as before the store existed).
/// </summary>
public sealed partial class PostgresNetworkFigures
{
    private async Task<UptimePlan> PlanAsync(IReadOnlyList<NetworkWindow> windows, CancellationToken cancellationToken)
    {
        var clean = new HashSet<DateOnly>(await ReadAsync(UptimeStoreSql.CleanDays, windows[0], NetworkFilter.None, null,
            r => r.GetFieldValue<DateOnly>(0), cancellationToken,
            new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = windows[0].From },
            new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = windows[^1].To },
            new NpgsqlParameter("zone", NpgsqlDbType.Text) { Value = windows[0].Zone }));
        return UptimePlan.Of(windows, clean, TimeZoneInfo.FindSystemTimeZoneById(windows[0].Zone));
    }

    /// <summary>The live days as the trend statement's windows; @start, @end their bounds (an empty window when none).</summary>
    private static (NetworkWindow Bounds, NpgsqlParameter[] Parameters) LiveWindows(UptimePlan plan, NetworkWindow window)
    {
        var bounds = plan.Live.Count == 0
            ? window with { Start = window.End }
            : window with { Start = plan.Live[0].Start, End = plan.Live[^1].End };
        return (bounds, [
            ArrayOf("starts", NpgsqlDbType.TimestampTz, plan.Live.Select(l => l.Start.UtcDateTime)),
            ArrayOf("ends", NpgsqlDbType.TimestampTz, plan.Live.Select(l => l.End.UtcDateTime))]);
    }

    private static NpgsqlParameter[] StoredParameters(UptimePlan plan)
    {
        var runs = plan.Runs;
        return
        [
            ArrayOf("run_firsts", NpgsqlDbType.Date, runs.Select(r => r.First)),
            ArrayOf("run_lasts", NpgsqlDbType.Date, runs.Select(r => r.Last)),
            ArrayOf("run_ranges", NpgsqlDbType.Integer, runs.Select(r => r.Range)),
            ArrayOf("part_months", NpgsqlDbType.Date, plan.PartMonths.Select(m => m.Month)),
            ArrayOf("part_masks", NpgsqlDbType.Integer, plan.PartMonths.Select(m => m.Mask)),
            ArrayOf("part_month_ranges", NpgsqlDbType.Integer, plan.PartMonths.Select(m => m.Range)),
            ArrayOf("part_days", NpgsqlDbType.Date, plan.PartDays.Select(d => d.Day)),
            ArrayOf("part_day_ranges", NpgsqlDbType.Integer, plan.PartDays.Select(d => d.Range)),
        ];
    }


    private static NpgsqlParameter ArrayOf<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    private async Task<IReadOnlyList<UptimeMinutes>> StoredMinutesAsync(
        IReadOnlyList<NetworkWindow> windows, NetworkFilter filter, UptimePlan plan, CancellationToken cancellationToken)
    {
        var service = new decimal[windows.Count];
        var lost = new decimal[windows.Count];
        var (sql, parameters) = filter == NetworkFilter.None
            ? (UptimeStoreSql.NetworkRanges, new[]
            {
                ArrayOf("stored_days", NpgsqlDbType.Date, plan.StoredDays.Select(d => d.Day)),
                ArrayOf("stored_day_ranges", NpgsqlDbType.Integer, plan.StoredDays.Select(d => d.Range)),
            })
            : (UptimeStoreSql.StoredRanges, StoredParameters(plan));
        foreach (var (range, s, l) in await ReadAsync(sql, windows[0], filter, null,
                     r => (r.GetInt32(0), r.GetDecimal(1), r.GetDecimal(2)), cancellationToken, parameters))
        {
            service[range] += s;
            lost[range] += l;
        }
        if (plan.Live.Count > 0)
        {
            var (bounds, live) = LiveWindows(plan, windows[0]);
            var minutes = await ReadAsync(NetworkTrendSql.CustomerMinutes, bounds, filter, null,
                r => (r.GetInt32(0) - 1, r.GetDecimal(1), r.GetDecimal(2)), cancellationToken, live);
            foreach (var (i, s, l) in minutes)
            {
                service[plan.Live[i].Range] += s;
                lost[plan.Live[i].Range] += l;
            }
        }
        return [.. windows.Select((w, i) => new UptimeMinutes(w.From, w.To, service[i], lost[i]))];
    }
}
