using IspPortal.Infrastructure.LocalPostgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IspPortal.Infrastructure.Persistence;

/// <summary>
/// Checks the migrations history before migrating. A history holding ids this build does not know
/// (a demo made before the migrations were squashed, docs/decisions/0013, or a database of another
/// build) cannot be migrated: EF would apply Initial over the existing tables and stop half-way.
/// The private demo database that run.sh created is disposable and is rebuilt empty (then migrated
/// and seeded like a fresh one); any other database is left untouched and the portal refuses to start.
/// </summary>
public static class MigrationHistoryCheck
{
    /// <summary>Checks the history, then migrates. The demo's private cluster is registered only when run.sh made it.</summary>
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<IspDbContext>();
        await EnsureKnownHistoryAsync(db, services.GetService<LocalPostgresCluster>(), logger, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Does nothing when every applied migration is one of this build's. Otherwise rebuilds the
    /// database when <paramref name="disposableDemo"/> (the cluster holding it) is given, or throws
    /// <see cref="ForeignMigrationHistoryException"/> without touching it.
    /// </summary>
    public static async Task EnsureKnownHistoryAsync(IspDbContext db, LocalPostgresCluster? disposableDemo, ILogger logger, CancellationToken cancellationToken = default)
    {
        var unknown = await UnknownMigrationsAsync(db, cancellationToken);
        if (unknown.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var database = connection.Database;
        if (disposableDemo is null)
        {
            var refusal = new ForeignMigrationHistoryException(database, unknown);
            logger.LogCritical("{Refusal}", refusal.Message);
            throw refusal;
        }

        logger.LogWarning(
            "The demo database '{Database}' was made by migrations this version does not have ({Unknown}); it was made before the migrations were squashed. Being disposable, it is dropped and built again with fresh demo data.",
            database, string.Join(", ", unknown));
        await db.Database.CloseConnectionAsync();
        if (connection is NpgsqlConnection npgsql)
        {
            NpgsqlConnection.ClearPool(npgsql);
        }

        await disposableDemo.DropDatabaseAsync(database, cancellationToken);
        await disposableDemo.CreateDatabaseAsync(database, cancellationToken: cancellationToken);
    }

    public static async Task<IReadOnlyList<string>> UnknownMigrationsAsync(IspDbContext db, CancellationToken cancellationToken = default)
    {
        // A new database has no history table yet: asking it for applied migrations would log a failed query.
        var historyExists = await db.Database
            .SqlQuery<bool>($"SELECT to_regclass({DependencyInjection.MigrationsHistoryTable}) IS NOT NULL AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!historyExists)
            return [];
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        return [.. (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id))];
    }
}

public sealed class ForeignMigrationHistoryException(string database, IReadOnlyList<string> unknownMigrations)
    : InvalidOperationException(
        $"The database '{database}' was migrated by migrations this version of IspPortal does not have " +
        $"({string.Join(", ", unknownMigrations.Take(3))}{(unknownMigrations.Count > 3 ? ", ..." : "")}). " +
        "It was probably made before the migrations were squashed into one Initial migration (docs/decisions/0013), " +
        "or by another version. Nothing was changed and the portal does not start. " +
        "Point ConnectionStrings__Default at a database made by this version, or at a new empty database (it is migrated on start).")
{
    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}
