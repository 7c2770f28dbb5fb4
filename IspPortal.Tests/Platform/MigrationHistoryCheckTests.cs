using IspPortal.Infrastructure.LocalPostgres;
using IspPortal.Infrastructure.Persistence;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IspPortal.Tests.Platform;

/// <summary>Startup migration against databases made by the migrations before the squash (docs/decisions/0013).</summary>
public sealed class MigrationHistoryCheckTests : IAsyncLifetime
{
    // The history a demo database made before the squash holds.
    private static readonly string[] _historyBeforeSquash =
    [
        "20261124092436_Initial", "20261124110645_RouterHealthSamples", "20261124120319_CustomerSearch",
        "20261124125102_NetworkAlerts", "20261124130425_RouterUplinkInterface", "20261124131759_NotificationTemplates",
        "20261124144334_NotificationAttachments", "20261124145556_DocumentSequences", "20261124150622_BillingRuns",
        "20261124153907_PaymentsCreditNotesCharges", "20261124183121_TicketChatReads", "20261124194236_TicketEmailAndEscalationPeople",
    ];

    private readonly RecordingLogger _logger = new();
    private LocalPostgresCluster _cluster = null!;
    private string _database = "";
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _cluster = await TestPostgres.ClusterAsync();
        _database = $"history_{Guid.NewGuid():N}";
        await _cluster.CreateDatabaseAsync(_database);
        _connectionString = _cluster.ConnectionString(_database);
    }

    public async Task DisposeAsync() => await _cluster.DropDatabaseAsync(_database);

    [Fact]
    public async Task Database_with_a_history_this_build_does_not_know_is_refused_with_what_to_do_and_left_untouched()
    {
        await MakeDatabaseOfTheOldMigrationsAsync();
        await using var services = Services(disposableDemo: null);

        var refusal = await Assert.ThrowsAsync<ForeignMigrationHistoryException>(() => MigrationHistoryCheck.MigrateAsync(services, _logger));

        Assert.Contains(_database, refusal.Message);
        Assert.Contains("20261124092436_Initial", refusal.Message);
        Assert.Contains("Nothing was changed", refusal.Message);
        Assert.Contains("ConnectionStrings__Default", refusal.Message);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Critical && e.Message == refusal.Message);
        Assert.Equal((long)_historyBeforeSquash.Length, await Sql.ScalarAsync(_connectionString, "SELECT count(*) FROM __ef_migrations_history"));
        Assert.Equal("KCB-0001", await Sql.ScalarAsync(_connectionString, "SELECT code FROM customers"));
        Assert.Equal(0L, await Sql.ScalarAsync(_connectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'invoices'"));
    }

    [Fact]
    public async Task Disposable_demo_database_made_before_the_squash_is_rebuilt_and_migrated()
    {
        await MakeDatabaseOfTheOldMigrationsAsync();
        await using var services = Services(disposableDemo: _cluster);

        await MigrationHistoryCheck.MigrateAsync(services, _logger);

        await using var db = TestPostgres.CreateDbContext(_connectionString);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Customers.CountAsync());
        Assert.Equal(0L, await Sql.ScalarAsync(_connectionString, "SELECT count(*) FROM audit_logs"));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(_database) && e.Message.Contains("dropped and built again"));
    }

    [Fact]
    public async Task Empty_database_is_migrated_and_a_current_one_is_left_as_it_is()
    {
        await using var services = Services(disposableDemo: null);

        await MigrationHistoryCheck.MigrateAsync(services, _logger);
        await Sql.ScalarAsync(_connectionString, "INSERT INTO location_codes (code, name, is_active, created_at) VALUES ('KCB', 'Kecubung', true, now())");
        await MigrationHistoryCheck.MigrateAsync(services, _logger);

        await using var db = TestPostgres.CreateDbContext(_connectionString);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1L, await Sql.ScalarAsync(_connectionString, "SELECT count(*) FROM location_codes"));
        Assert.DoesNotContain(_logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    // The tables are beside the point: what matters is a history of ids this build does not have, and data to keep.
    private async Task MakeDatabaseOfTheOldMigrationsAsync() =>
        await Sql.ScalarAsync(_connectionString, $"""
            CREATE TABLE __ef_migrations_history (migration_id character varying(150) PRIMARY KEY, product_version character varying(32) NOT NULL);
            INSERT INTO __ef_migrations_history VALUES {string.Join(", ", _historyBeforeSquash.Select(id => $"('{id}', '10.0.0')"))};
            CREATE TABLE customers (id serial PRIMARY KEY, code text NOT NULL);
            INSERT INTO customers (code) VALUES ('KCB-0001');
            """);

    // The cluster is given as an instance, so the container never stops it.
    private ServiceProvider Services(LocalPostgresCluster? disposableDemo)
    {
        var services = new ServiceCollection().AddScoped(_ => TestPostgres.CreateDbContext(_connectionString));
        if (disposableDemo is not null)
        {
            services.AddSingleton(disposableDemo);
        }

        return services.BuildServiceProvider();
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
