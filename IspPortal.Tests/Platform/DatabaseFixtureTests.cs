using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IspPortal.Tests.Platform;

public sealed class DatabaseFixtureTests
{
    [Fact]
    public async Task Each_fixture_gets_a_database_of_its_own_that_is_dropped_afterwards()
    {
        var first = new DatabaseFixture();
        var second = new DatabaseFixture();
        await first.InitializeAsync();
        await second.InitializeAsync();
        var cluster = await TestPostgres.ClusterAsync();

        Assert.NotEqual(first.DatabaseName, second.DatabaseName);
        await Sql.ScalarAsync(first.ConnectionString, "CREATE TABLE only_in_first (id int)");
        Assert.Equal(0L, await Sql.ScalarAsync(second.ConnectionString, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));

        await first.DisposeAsync();
        await second.DisposeAsync();

        Assert.False(await cluster.DatabaseExistsAsync(first.DatabaseName));
        Assert.False(await cluster.DatabaseExistsAsync(second.DatabaseName));
    }

    [Fact]
    public async Task Database_is_a_copy_of_the_migrated_template()
    {
        var fixture = new DatabaseFixture();
        await fixture.InitializeAsync();
        try
        {
            await using var db = fixture.CreateDbContext();

            Assert.Equal(fixture.DatabaseName, db.Database.GetDbConnection().Database);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reset_empties_the_tables_and_their_partitions_but_keeps_the_migration_history()
    {
        var fixture = new DatabaseFixture();
        await fixture.InitializeAsync();
        try
        {
            await Sql.ScalarAsync(fixture.ConnectionString, "INSERT INTO __ef_migrations_history VALUES ('test_marker', '0')");
            var history = await Sql.ScalarAsync(fixture.ConnectionString, "SELECT count(*) FROM __ef_migrations_history");
            await Sql.ScalarAsync(fixture.ConnectionString, "CREATE TABLE visits (id serial PRIMARY KEY, note text NOT NULL)");
            await Sql.ScalarAsync(fixture.ConnectionString, "INSERT INTO visits (note) VALUES ('first'), ('second')");
            await Sql.ScalarAsync(
                fixture.ConnectionString,
                "CREATE TABLE visit_logs (at timestamptz NOT NULL, visit_id int REFERENCES visits (id)) PARTITION BY RANGE (at);" +
                "CREATE TABLE visit_logs_2025_01 PARTITION OF visit_logs FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');" +
                "INSERT INTO visit_logs SELECT '2025-01-15', id FROM visits");

            await fixture.ResetAsync();
            await fixture.ResetAsync();

            Assert.Equal(0L, await Sql.ScalarAsync(fixture.ConnectionString, "SELECT count(*) FROM visits"));
            Assert.Equal(0L, await Sql.ScalarAsync(fixture.ConnectionString, "SELECT count(*) FROM visit_logs"));
            Assert.Equal(history, await Sql.ScalarAsync(fixture.ConnectionString, "SELECT count(*) FROM __ef_migrations_history"));
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
