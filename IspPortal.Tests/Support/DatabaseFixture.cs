using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

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
        await using var db = CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("""
            DO $$ BEGIN
              EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I', c.relname), ', ') || ' RESTART IDENTITY CASCADE'
                       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                         AND c.relname <> '__ef_migrations_history');
            END $$;
            """);
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
