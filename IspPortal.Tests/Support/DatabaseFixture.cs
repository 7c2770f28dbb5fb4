using IspPortal.Infrastructure.LocalPostgres;
using IspPortal.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace IspPortal.Tests.Support;

// A database of its own, copied from the migrated template; dropped when the fixture is disposed.
// Use as IClassFixture<DatabaseFixture>, and ResetAsync between tests that need an empty database.
// To study a benchmark's database afterwards (EXPLAIN), run with ISPPORTAL_TEST_DATA=<dir> and ISPPORTAL_KEEP_DATABASE=1:
// the cluster's files stay in <dir> and the database is kept (its name goes to the standard error).
public class DatabaseFixture : IAsyncLifetime
{
    public const string KeepDatabaseVariable = "ISPPORTAL_KEEP_DATABASE";

    private LocalPostgresCluster? _cluster;
    private Respawner? _respawner;

    public string DatabaseName { get; private set; } = string.Empty;

    public string ConnectionString { get; private set; } = string.Empty;

    // The settings the portal would read for this database (ConnectionStrings:Default).
    public IConfiguration Configuration => TestPostgres.ConfigurationFor(ConnectionString);

    public async Task InitializeAsync()
    {
        _cluster = await TestPostgres.ClusterAsync();
        DatabaseName = await TestPostgres.CreateDatabaseAsync();
        ConnectionString = _cluster.ConnectionString(DatabaseName) + ";Include Error Detail=true";
    }

    // Configured the same way as the portal's (DependencyInjection.ConfigureDatabase).
    public IspDbContext CreateDbContext() => TestPostgres.CreateDbContext(ConnectionString);

    // Empties every table of the public schema except the migrations history. Rows that
    // migrations seed (e.g. settings) go too; tests that need them insert them.
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        // Created on first use and kept: it reads the table graph once.
        var respawner = _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("public", "__ef_migrations_history")],
        });
        if (respawner.DeleteSql is { Length: > 0 })
        {
            await respawner.ResetAsync(connection);
        }
    }

    public async Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable(KeepDatabaseVariable) == "1")
        {
            await Console.Error.WriteLineAsync($"{KeepDatabaseVariable}: kept database {DatabaseName}");
            return;
        }

        if (_cluster is not null && DatabaseName.Length > 0)
        {
            await _cluster.DropDatabaseAsync(DatabaseName);
        }
    }
}
