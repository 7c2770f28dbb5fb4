using System.Data.Common;
using IspPortal.Core.Common;
using IspPortal.Core.Reports.Network;
using IspPortal.Infrastructure.Persistence.Configurations.Network;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Reports.Network;

/// <summary>Each figure of the network reports as one statement (<see cref="NetworkSql"/>), read by position.</summary>
public sealed partial class PostgresNetworkFigures(IIspDbFactory dbs) : INetworkFigures
{
    public Task<IReadOnlyList<RouterUptime>> RouterUptimeAsync(NetworkWindow window, NetworkFilter filter, CancellationToken cancellationToken) =>
        ReadAsync(NetworkSql.RouterUptime, window, filter, null, r =>
        {
            var windowMinutes = r.GetDecimal(3);
            var outage = r.GetDecimal(4);
            return new RouterUptime(r.GetInt32(0), r.GetString(1), r.GetString(2),
                windowMinutes > 0 ? NetworkUptime.Percent(outage, windowMinutes) : null, Minutes(outage), r.GetInt32(5), Minutes(r.GetDecimal(6)));
        }, cancellationToken);

    public async Task<CustomerUptimePage> CustomerUptimeAsync(NetworkWindow window, NetworkFilter filter, int rows, CancellationToken cancellationToken)
    {
        (int Count, decimal Service, decimal Lost) totals = (0, 0, 0);
        var plan = await PlanAsync([window], cancellationToken);
        var (sql, bounds, parameters) = (NetworkSql.CustomerUptime, window, Array.Empty<NpgsqlParameter>());
        if (plan.AnyStored)
        {
            var live = LiveWindows(plan, window);
            (sql, bounds, parameters) = (UptimeStoreSql.CustomerUptime(filter != NetworkFilter.None), live.Bounds, [.. live.Parameters, .. StoredParameters(plan)]);
        }
        var list = await ReadAsync(sql, bounds, filter, Math.Max(rows, 1), r =>
        {
            totals = (r.GetInt32(8), r.GetDecimal(9), r.GetDecimal(10));
            var service = r.GetDecimal(6);
            var lost = r.GetDecimal(7);
            return new CustomerUptime(r.GetInt32(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), NetworkUptime.Percent(lost, service) ?? 0m, Minutes(lost), Minutes(service));
        }, cancellationToken, parameters);
        return new CustomerUptimePage([.. list.Take(rows)], totals.Count, totals.Service, totals.Lost);
    }

    public Task<IReadOnlyList<OutageImpact>> OutagesAsync(NetworkWindow window, NetworkFilter filter, int rows, CancellationToken cancellationToken) =>
        ReadAsync(NetworkOutageSql.Outages, window, filter, rows, r => new OutageImpact(
            r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4),
            r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6),
            Minutes(r.GetDecimal(7)), Math.Round(r.GetDecimal(8), 1, MidpointRounding.AwayFromZero), Minutes(r.GetDecimal(9))), cancellationToken);

    public Task<IReadOnlyList<MassOutageEntry>> MassOutagesAsync(NetworkWindow window, NetworkFilter filter, int rows, CancellationToken cancellationToken) =>
        ReadAsync(NetworkSql.MassOutages, window, filter, rows, r => new MassOutageEntry(
            r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4),
            Minutes(r.GetDecimal(5)), r.IsDBNull(6) ? null : r.GetInt32(6),
            r.IsDBNull(7) ? null : Math.Round((decimal)r.GetDouble(7), 1, MidpointRounding.AwayFromZero), r.GetString(8)), cancellationToken);

    public async Task<IReadOnlyList<UptimeMinutes>> CustomerMinutesAsync(IReadOnlyList<NetworkWindow> windows, NetworkFilter filter, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(windows, cancellationToken);
        if (plan.AnyStored)
            return await StoredMinutesAsync(windows, filter, plan, cancellationToken);
        var all = windows[0] with { To = windows[^1].To, End = windows[^1].End };
        return await ReadAsync(NetworkTrendSql.CustomerMinutes, all, filter, null, r =>
            {
                var window = windows[r.GetInt32(0) - 1];
                return new UptimeMinutes(window.From, window.To, r.GetDecimal(1), r.GetDecimal(2));
            }, cancellationToken,
            new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = windows.Select(w => w.Start.UtcDateTime).ToArray() },
            new NpgsqlParameter("ends", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = windows.Select(w => w.End.UtcDateTime).ToArray() });
    }

    public Task<IReadOnlyList<RouterBandwidth>> BandwidthAsync(NetworkWindow window, NetworkFilter filter, CancellationToken cancellationToken)
    {
        // Five-minute buckets: the p95 of their averages (the billing standard); hourly buckets: the p95 of their own p95s.
        var sql = window.IsFine
            ? NetworkSql.Fill(NetworkSql.Bandwidth, RouterHealthFiveMinutesConfiguration.Table, "rx_bps_avg", "tx_bps_avg")
            : NetworkSql.Fill(NetworkSql.Bandwidth, RouterHealthHourlyConfiguration.Table, "rx_bps_p95", "tx_bps_p95");
        return ReadAsync(sql, window, filter, null, r =>
        {
            var capacity = r.IsDBNull(3) ? (int?)null : r.GetInt32(3);
            var rxP95 = Rate(r, 5);
            var txP95 = Rate(r, 8);
            return new RouterBandwidth(r.GetInt32(0), r.GetString(1), r.GetString(2), capacity,
                Rate(r, 4), rxP95, Rate(r, 6), Rate(r, 7), txP95, Rate(r, 9),
                BandwidthUtilization.Utilization(rxP95, txP95, capacity), Math.Round(r.GetDouble(10), 1), r.GetInt32(11));
        }, cancellationToken);
    }

    public Task<IReadOnlyList<BandwidthPoint>> BandwidthSeriesAsync(NetworkWindow window, NetworkFilter filter, CancellationToken cancellationToken)
    {
        var table = window.IsFine ? RouterHealthFiveMinutesConfiguration.Table : RouterHealthHourlyConfiguration.Table;
        var sql = NetworkSql.Fill(NetworkSql.BandwidthSeries, table);
        return ReadAsync(sql, window, filter, null, r => new BandwidthPoint(r.GetInt32(0), r.GetFieldValue<DateTimeOffset>(1),
            Rate(r, 2), Rate(r, 3), Rate(r, 4), Rate(r, 5), Math.Round(r.GetDouble(6), 1)), cancellationToken,
            new NpgsqlParameter("grain", NpgsqlDbType.Text) { Value = window.IsFine ? "hour" : "day" },
            new NpgsqlParameter("zone", NpgsqlDbType.Text) { Value = window.Zone });
    }

    private static decimal Minutes(decimal minutes) => Math.Round(minutes, 1, MidpointRounding.AwayFromZero);

    private static double? Rate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Math.Round(reader.GetDouble(ordinal));

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, NetworkWindow window, NetworkFilter filter, int? rows, Func<DbDataReader, T> read,
        CancellationToken cancellationToken, params NpgsqlParameter[] extra)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = window.Start.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = window.End.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("router", NpgsqlDbType.Integer) { Value = (object?)filter.RouterId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("location", NpgsqlDbType.Integer) { Value = (object?)filter.LocationId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("rows", NpgsqlDbType.Integer) { Value = rows ?? 0 });
        command.Parameters.AddRange(extra);
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(read(reader));
        return list;
    }
}
