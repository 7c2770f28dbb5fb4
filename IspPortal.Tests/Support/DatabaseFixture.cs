using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace IspPortal.Tests.Support;

/// <summary>
/// Placeholder on the schema branch, replaced by the platform's fixture at merge (same API): a fresh,
/// migrated database per test class on the server named by <c>ISPPORTAL_TEST_CONNECTION</c>.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly string _server = Environment.GetEnvironmentVariable("ISPPORTAL_TEST_CONNECTION")
        ?? throw new InvalidOperationException("Set ISPPORTAL_TEST_CONNECTION to a PostgreSQL server connection string.");
    private readonly string _database = $"ispportal_test_{Guid.NewGuid():N}";
    private Respawner? _respawner;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false }.ConnectionString;

    public IspDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<IspDbContext>();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = ConnectionString })
            .Build();
        IspPortal.Infrastructure.DependencyInjection.ConfigureDatabase(options, configuration);
        return new IspDbContext(options.Options);
    }

    public async Task InitializeAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE {_database}");
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var respawner = _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("public", "__ef_migrations_history")],
        });
        await respawner.ResetAsync(connection);
    }

    public async Task DisposeAsync() => await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
