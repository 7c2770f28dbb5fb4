using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Reports.Network;

/// <summary>
/// Stores every customer's Active and lost minutes of the closed days of the last <see cref="HorizonDays"/> days (ISP zone) that are not
/// stored yet or that a dirty span overlaps (<see cref="UptimeStoreSql"/>). One run: a sweep (repeatable read: the days the dirty spans it
/// sees overlap are dropped, those spans deleted; spans appended meanwhile stay for the next run), then each month's missing days in one
/// repeatable-read transaction, computed by the trend's statement with each day its own window. Runs one at a time (an advisory lock).
/// </summary>
public sealed class UptimeDayStore(IIspDbFactory dbs, IspClock clock, TimeProvider time)
{
    /// <summary>Days back from today kept: a report covers at most 366 days.</summary>
    public const int HorizonDays = 400;

    private const long LockKey = 0x5570_7469_6D65; // "Uptime"

    /// <returns>The days computed.</returns>
    public async Task<int> FillAsync(CancellationToken cancellationToken = default)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        var now = time.GetUtcNow();
        var today = IspClock.DayOf(now, zone);
        var first = today.AddDays(-HorizonDays);
        await using var db = await dbs.CreateAsync(cancellationToken);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (!(bool)(await Command(connection, null, "SELECT pg_try_advisory_lock(@key)", new NpgsqlParameter("key", LockKey)).ExecuteScalarAsync(cancellationToken))!)
            return 0;
        try
        {
            await using (var sweep = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken))
            {
                await Command(connection, sweep, UptimeStoreSql.Sweep, new NpgsqlParameter("first", NpgsqlDbType.Date) { Value = first })
                    .ExecuteNonQueryAsync(cancellationToken);
                await sweep.CommitAsync(cancellationToken);
            }
            var stored = new HashSet<DateOnly>();
            await using (var read = Command(connection, null, "SELECT day FROM uptime_days WHERE zone = @zone",
                             new NpgsqlParameter("zone", NpgsqlDbType.Text) { Value = zone.Id }))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    stored.Add(reader.GetFieldValue<DateOnly>(0));
            var missing = Enumerable.Range(0, HorizonDays).Select(first.AddDays)
                .Where(d => !stored.Contains(d) && IspClock.StartOfDay(d.AddDays(1), zone) <= now).ToList();
            foreach (var month in missing.GroupBy(d => new DateOnly(d.Year, d.Month, 1)))
                await StoreAsync(connection, month.Key, [.. month], zone, now, cancellationToken);
            return missing.Count;
        }
        finally
        {
            await Command(connection, null, "SELECT pg_advisory_unlock(@key)", new NpgsqlParameter("key", LockKey)).ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private static async Task StoreAsync(NpgsqlConnection connection, DateOnly month, DateOnly[] days, TimeZoneInfo zone, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var starts = days.Select(d => IspClock.StartOfDay(d, zone).UtcDateTime).ToArray();
        var ends = days.Select(d => IspClock.StartOfDay(d.AddDays(1), zone).UtcDateTime).ToArray();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await Command(connection, transaction, "CREATE TEMP TABLE uptime_batch (customer_id int, i int, active numeric, lost numeric) ON COMMIT DROP")
            .ExecuteNonQueryAsync(cancellationToken);
        await Command(connection, transaction, "INSERT INTO uptime_batch (customer_id, i, active, lost) " + UptimeStoreSql.DayMinutes,
                new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = starts },
                new NpgsqlParameter("ends", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = ends },
                new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = starts[0] },
                new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = ends[^1] },
                new NpgsqlParameter("router", NpgsqlDbType.Integer) { Value = DBNull.Value },
                new NpgsqlParameter("location", NpgsqlDbType.Integer) { Value = DBNull.Value })
            .ExecuteNonQueryAsync(cancellationToken);
        await Command(connection, transaction, UptimeStoreSql.StoreBatch,
                new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = days },
                new NpgsqlParameter("starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = starts },
                new NpgsqlParameter("ends", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = ends },
                new NpgsqlParameter("month", NpgsqlDbType.Date) { Value = month },
                new NpgsqlParameter("clear", NpgsqlDbType.Integer) { Value = days.Aggregate(0, (mask, d) => mask | (1 << (d.Day - 1))) },
                new NpgsqlParameter("zone", NpgsqlDbType.Text) { Value = zone.Id },
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now.UtcDateTime })
            .ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 1800 };
        command.Parameters.AddRange(parameters);
        return command;
    }
}
